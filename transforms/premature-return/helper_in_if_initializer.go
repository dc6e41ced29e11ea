// Positive: the helper call sits in an if statement's initializer; it can
// still end the test goroutine (t.Fatalf) before the receive, and the
// sender then blocks forever.
package main

import (
	"errors"
	"runtime"
	"testing"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }
func (fakeTB) Helper()               {}
func (fakeTB) Log(...any)            {}

func mustOK(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("err: %v", err)
	}
}

func testX(t testing.TB, verbose bool) {
	got := make(chan int)
	go func() {
		got <- 1
	}()
	if mustOK(t, errors.New("x")); verbose {
		t.Log("dialled")
	}
	<-got
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		testX(fakeTB{}, false)
	}()
	<-done
}
