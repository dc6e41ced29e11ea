// Positive: the test helper's value is added in (`total += mustParse(t, s)`);
// its t.Fatalf still ends the test goroutine before the receive.
package main

import (
	"runtime"
	"strconv"
	"testing"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }
func (fakeTB) Helper()               {}

func testIt(t testing.TB) {
	res := make(chan int)
	go func() {
		res <- 42
	}()
	total := 0
	total += mustParse(t, "bad")
	_ = total
	<-res
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		testIt(fakeTB{})
	}()
	<-done
}

func mustParse(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("parse %q: %v", s, err)
	}
	return n
}
