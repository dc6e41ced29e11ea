// Not a leak: the helper's helper only logs (t.Logf), it never ends the
// test goroutine, so the receive always runs.
package main

import (
	"runtime"
	"testing"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Helper()               {}
func (fakeTB) Logf(string, ...any)   {}
func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }

func logIf(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Logf("ignored: %v", err)
	}
}

func check(t testing.TB, err error) {
	t.Helper()
	logIf(t, err)
}

func testFetch(t testing.TB, err error) string {
	body := make(chan string)
	go func() {
		body <- "ok"
	}()
	check(t, err)
	return <-body
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = testFetch(fakeTB{}, nil)
	}()
	<-done
}
