// ok: the stop function context.AfterFunc returns is kept and called on
// the early return, so the function may never run: no goroutine is left.
// (A kept stop function is not followed: no finding either way.)
package main

import (
	"context"
	"errors"
)

func cancelled(ctx context.Context, id string) (int, error) {
	codes := make(chan int)
	stop := context.AfterFunc(ctx, func() {
		codes <- 499
	})
	if id == "" {
		stop()
		return 0, errors.New("no request id")
	}
	return <-codes, nil
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = cancelled(ctx, "r1")
	ctx2, cancel2 := context.WithCancel(context.Background())
	_, _ = cancelled(ctx2, "")
	cancel2()
}
