// ok (leaks, not fixable here): `g.Go(...)` on a Group from a package that
// is not golang.org/x/sync/errgroup: what its Go does is not known.
package main

import (
	"context"
	"time"
)

type group struct{}

func (group) Go(f func() error) { go func() { _ = f() }() }

func first(ctx context.Context, n int) (int, error) {
	var g group
	res := make(chan int)
	g.Go(func() error {
		res <- n * 2
		return nil
	})
	select {
	case v := <-res:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	case <-time.After(time.Millisecond):
		return 0, nil
	}
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = first(ctx, 1)
}
