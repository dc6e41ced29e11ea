// Positive: the parent leaves after starting the senders but before it
// starts the closer and ranges: every sender blocks forever. The closer is
// never started on that path, so the message does not mention it.
package main

import (
	"context"
	"sync"
)

func sizes(ctx context.Context, names []string) ([]int, error) {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out <- len(n)
		}()
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	var res []int
	for s := range out {
		res = append(res, s)
	}
	return res, nil
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = sizes(ctx, []string{"a", "bb", "ccc"})
}
