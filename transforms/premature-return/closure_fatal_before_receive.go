// Positive: a local check closure calls t.Fatalf when the setup fails,
// which ends the test goroutine before the result is received; the
// goroutine sending it then blocks forever.
package main

import (
	"errors"
	"runtime"
	"testing"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Helper()               {}
func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }

func setup(n int) error {
	if n < 0 {
		return errors.New("negative")
	}
	return nil
}

func testSquare(t testing.TB, n int) int {
	check := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("setup: %v", err)
		}
	}
	result := make(chan int)
	go func() {
		result <- n * n
	}()
	check(setup(n))
	return <-result
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = testSquare(fakeTB{}, -1)
	}()
	<-done
}
