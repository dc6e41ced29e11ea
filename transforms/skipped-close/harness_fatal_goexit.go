// Positive: an in-house test harness's `t.Fatalf` ends the test goroutine
// with `runtime.Goexit`, skipping the `close(done)` that releases the fake
// backend: it blocks forever. `defer close(done)` after the make releases
// it on every way out. (From the 2026-12-04 blind probe.)
package main

import (
	"os"
	"runtime"
	"time"
)

type T struct{}

func (t *T) Fatalf(format string, args ...any) { runtime.Goexit() }
func TestLookup(t *T) {
	done := make(chan struct{})
	go func() { <-done }() // fake backend
	if _, err := os.ReadFile("/nonexistent/key.txt"); err != nil {
		t.Fatalf("setup: %v", err)
	}
	close(done)
}
func run() {
	finished := make(chan struct{})
	go func() { defer close(finished); TestLookup(&T{}) }()
	<-finished
	time.Sleep(20 * time.Millisecond)
}
