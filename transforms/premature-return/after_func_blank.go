// Positive: `_ = time.AfterFunc(...)` drops the timer as surely as a bare
// call: its function runs once, in its own goroutine, and blocks forever on
// its send when the parent has returned early.
package main

import (
	"errors"
	"time"
)

func delayed(n int) (int, error) {
	res := make(chan int)
	_ = time.AfterFunc(time.Millisecond, func() {
		res <- n * 3
	})
	if n < 0 {
		return 0, errors.New("negative")
	}
	return <-res, nil
}

func run() {
	_, _ = delayed(-1)
}
