// ok (no finding): the sender itself asserts with testify's `require`,
// so on a failure it ends before its send. It may not send at all, and
// that path can be the one where the parent leaves early: leakfix does
// not claim a leak it cannot show.
package main

import (
	"errors"
	"runtime"

	"github.com/stretchr/testify/require"
)

type fakeT struct{ failed bool }

func (t *fakeT) Errorf(string, ...any) { t.failed = true }
func (t *fakeT) FailNow()              { runtime.Goexit() }

func compute(n int) (int, error) {
	if n < 0 {
		return 0, errors.New("negative")
	}
	return n * 2, nil
}

func testCompute(t require.TestingT, n int) int {
	out := make(chan int)
	go func() {
		v, err := compute(n)
		require.NoError(t, err)
		out <- v
	}()
	if n < 0 {
		return 0
	}
	return <-out
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = testCompute(&fakeT{}, -1)
	}()
	<-done
}
