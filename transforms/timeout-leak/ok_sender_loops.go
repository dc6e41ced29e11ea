// ok (leaks, but not edited): the sender reports progress in a loop, so it can
// send several times. A buffer of 1 would not stop it blocking after the parent
// gives up on ctx.Done(); the fix is not a capacity change.
package main

import (
	"context"
	"time"
)

func download(ctx context.Context, parts int) (int, error) {
	progress := make(chan int)
	go func() {
		for i := 1; i <= parts; i++ {
			time.Sleep(time.Millisecond)
			progress <- i
		}
	}()

	select {
	case p := <-progress:
		return p, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = download(ctx, 3)
}
