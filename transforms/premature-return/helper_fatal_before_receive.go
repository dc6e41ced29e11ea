// Positive: a test helper handed `t` calls t.Fatalf when the dial fails,
// which ends the test goroutine before the greeting is received; the
// goroutine sending it then blocks forever.
package main

import (
	"errors"
	"runtime"
	"testing"
)

// fakeTB stands in for the test's testing.TB: Fatalf ends the goroutine,
// as it does in a test.
type fakeTB struct{ testing.TB }

func (fakeTB) Helper()               {}
func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }

func requireNoError(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

func dial(addr string) (string, error) {
	if addr == "" {
		return "", errors.New("empty address")
	}
	return "conn:" + addr, nil
}

func testHandshake(t testing.TB, addr string) string {
	greeting := make(chan string)
	go func() {
		greeting <- "HELLO " + addr
	}()
	conn, err := dial(addr)
	requireNoError(t, err)
	return <-greeting + conn
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = testHandshake(fakeTB{}, "")
	}()
	<-done
}
