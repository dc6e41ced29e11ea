// Positive: errgroup workers send only on success; the parent receives in
// a loop whose select also takes the group's `ctx.Done()` and returns: the
// first failure cancels it, and the workers that succeed afterwards block
// on their send. Fix: `make(chan int64, len(objs))`.
package main

import (
	"context"
	"errors"
	"time"

	"golang.org/x/sync/errgroup"
)

func stat(key string, size int64) (int64, error) {
	if size < 0 {
		return 0, errors.New("stat " + key + ": permission denied")
	}
	time.Sleep(time.Duration(size) * time.Millisecond)
	return size, nil
}

func bucketSize(ctx context.Context, objs map[string]int64) (int64, error) {
	g, ctx := errgroup.WithContext(ctx)
	sizes := make(chan int64)
	for key, size := range objs {
		g.Go(func() error {
			n, err := stat(key, size)
			if err != nil {
				return err
			}
			sizes <- n
			return nil
		})
	}
	var total int64
	for range objs {
		select {
		case n := <-sizes:
			total += n
		case <-ctx.Done():
			return 0, context.Cause(ctx)
		}
	}
	return total, g.Wait()
}

func run() {
	_, _ = bucketSize(context.Background(), map[string]int64{"a": 5, "b": 10, "secret": -1})
}
