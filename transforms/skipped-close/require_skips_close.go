// Positive: a fake server goroutine waits on `<-done` until the test's
// final close; testify's `require.True` ends the test goroutine first
// when the check fails, so the close never runs and the server waits
// forever. Fix: `defer close(done)` after the make, the old close removed.
package main

import (
	"runtime"

	"github.com/stretchr/testify/require"
)

type fakeT struct{ failed bool }

func (t *fakeT) Errorf(string, ...any) { t.failed = true }
func (t *fakeT) FailNow()              { runtime.Goexit() }

func serve() {}

func testServer(t require.TestingT, ready bool) {
	done := make(chan struct{})
	go func() {
		serve()
		<-done
	}()
	require.True(t, ready, "server not ready")
	close(done)
}

func run() {
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		testServer(&fakeT{}, false)
	}()
	<-finished
}
