// ok: the timer returned by time.AfterFunc is kept, and stopped on the early
// return, so its function may never run: whether the send happens is not
// known from the start alone, and leakfix must not claim a leak.
package main

import (
	"errors"
	"time"
)

func delayed(n int) (int, error) {
	res := make(chan int)
	t := time.AfterFunc(time.Hour, func() {
		res <- n + 1
	})
	if n < 0 {
		t.Stop()
		return 0, errors.New("negative")
	}
	return <-res, nil
}

func run() {
	_, _ = delayed(-1)
}
