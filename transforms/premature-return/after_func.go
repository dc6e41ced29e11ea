// Positive: the sender runs in the goroutine time.AfterFunc starts. The
// parent returns early on a bad request, and the timer's function then
// blocks forever on its send.
package main

import (
	"errors"
	"time"
)

func delayed(n int) (int, error) {
	res := make(chan int)
	time.AfterFunc(time.Millisecond, func() {
		res <- n + 1
	})
	if n < 0 {
		return 0, errors.New("negative")
	}
	return <-res, nil
}

func run() {
	_, _ = delayed(-1)
}
