// Positive: the common test helper that returns a value, `addr :=
// mustParse(t, s)`: it calls t.Fatalf on bad input, which ends the test
// goroutine before the reply is received; the sender then blocks forever.
package main

import (
	"errors"
	"runtime"
	"strings"
	"testing"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Helper()               {}
func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }

func mustParse(t testing.TB, s string) string {
	t.Helper()
	host, _, ok := strings.Cut(s, ":")
	if !ok {
		t.Fatalf("bad address %q: %v", s, errors.ErrUnsupported)
	}
	return host
}

func testLookup(t testing.TB, s string) string {
	reply := make(chan string)
	go func() {
		reply <- "pong"
	}()
	host := mustParse(t, s)
	return host + <-reply
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = testLookup(fakeTB{}, "no-port")
	}()
	<-done
}
