// ok (no edit): the harness's `t.Fatalf` only records the failure and
// returns, so the test goes on to `close(done)`: no exit skips it.
package main

import (
	"os"
	"time"
)

type T struct{ failed bool }

func (t *T) Fatalf(format string, args ...any) { t.failed = true }
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
