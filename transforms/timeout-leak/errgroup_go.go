// Positive: the sender is started by errgroup's Group.Go. The parent waits
// for the result or for the group's context; when the context is cancelled
// first, it returns and the goroutine blocks forever on its send.
package main

import (
	"context"
	"time"

	"golang.org/x/sync/errgroup"
)

func compute(n int) int {
	time.Sleep(20 * time.Millisecond)
	return n * 2
}

func first(parent context.Context, n int) (int, error) {
	g, ctx := errgroup.WithContext(parent)
	res := make(chan int)
	g.Go(func() error {
		res <- compute(n)
		return nil
	})
	select {
	case v := <-res:
		return v, g.Wait()
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = first(ctx, 1)
}
