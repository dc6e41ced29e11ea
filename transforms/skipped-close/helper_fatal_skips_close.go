// Positive: the common test shape. A fake server goroutine waits on
// `<-done` until the close at the end of the test; a helper handed `t`
// calls t.Fatalf first when the check fails, so the close never runs and
// the server waits forever. Fix: `defer close(done)` after the make.
package main

import (
	"runtime"
	"testing"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Helper()               {}
func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }

func mustBeReady(t testing.TB, ready bool) {
	t.Helper()
	if !ready {
		t.Fatalf("server not ready")
	}
}

func serve() {}

func testServer(t testing.TB, ready bool) {
	done := make(chan struct{})
	go func() {
		serve()
		<-done
	}()
	mustBeReady(t, ready)
	close(done)
}

func run() {
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		testServer(fakeTB{}, false)
	}()
	<-finished
}
