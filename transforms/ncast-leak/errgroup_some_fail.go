// Positive: errgroup workers each send their value only when the lookup
// succeeds; the parent takes the first value or leaves when the group's
// context is done (a worker failed). Every worker that succeeds after the
// parent left, or after the first value, blocks forever on its send:
// capacity len(ids) lets each send and end.
package main

import (
	"context"
	"errors"

	"golang.org/x/sync/errgroup"
)

func get(id int) (int, error) {
	if id%2 == 0 {
		return 0, errors.New("not found")
	}
	return id * 10, nil
}

func anyValue(ctx context.Context, ids []int) (int, error) {
	g, ctx := errgroup.WithContext(ctx)
	c := make(chan int)
	for _, id := range ids {
		g.Go(func() error {
			v, err := get(id)
			if err != nil {
				return err
			}
			c <- v
			return nil
		})
	}
	select {
	case v := <-c:
		return v, nil
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func run() {
	_, _ = anyValue(context.Background(), []int{1, 2, 3, 5})
}
