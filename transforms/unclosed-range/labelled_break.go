// run streams ticks to a counter goroutine and stops via `break loop` when the
// context is cancelled or the limit is hit; the send itself sits in a select
// in run's own body. ticks is never closed, so the counter leaks.
package main

import (
	"context"
	"sync/atomic"
)

func pump(ctx context.Context, limit int) {
	ticks := make(chan int)
	var counted atomic.Int64
	go func() {
		for t := range ticks {
			counted.Add(int64(t))
		}
	}()

loop:
	for i := 0; ; i++ {
		if i == limit {
			break loop
		}
		select {
		case ticks <- i:
		case <-ctx.Done():
			break loop
		}
	}
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	pump(ctx, 4)
	cancel()
	pump(ctx, 100)
}
