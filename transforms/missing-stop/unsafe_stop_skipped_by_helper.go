// Positive: a test helper, fatalIf(t, err), calls t.Fatalf between the
// start and the stop at the end of the test, ending the test goroutine
// before Stop; the relay's goroutine runs on. Fix (unsafe): `defer
// r.Stop()` after the start, and the old call removed.
package main

import (
	"errors"
	"runtime"
	"testing"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }
func (fakeTB) Helper()               {}

type Relay struct {
	done chan struct{}
	in   chan string
}

func (r *Relay) Start() {
	go func() {
		for {
			select {
			case s := <-r.in:
				_ = s
			case <-r.done:
				return
			}
		}
	}()
}

func (r *Relay) Stop() { close(r.done) }

func fatalIf(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%v", err)
	}
}

func testRelay(t testing.TB) {
	r := &Relay{done: make(chan struct{}), in: make(chan string)}
	r.Start()
	fatalIf(t, errors.New("boom"))
	r.in <- "x"
	r.Stop()
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		testRelay(fakeTB{})
	}()
	<-done
}
