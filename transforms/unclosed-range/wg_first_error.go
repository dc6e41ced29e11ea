// Fetchers run in goroutines joined by a WaitGroup and send their results to
// an aggregator that ranges over the channel; the first error is kept under a
// mutex. run waits, then returns (with or without error) and never closes it.
package main

import (
	"context"
	"errors"
	"sync"
)

func fetch(ctx context.Context, id int) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	if id%4 == 3 {
		return 0, errors.New("not found")
	}
	return id * 10, nil
}

func fetchAll(ctx context.Context, ids []int) error {
	vals := make(chan int)
	go func() {
		sum := 0
		for v := range vals {
			sum += v
		}
		_ = sum
	}()

	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := fetch(ctx, id)
			if err != nil {
				mu.Lock()
				if firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
				return
			}
			vals <- v
		}()
	}
	wg.Wait()

	if firstErr != nil {
		return firstErr
	}
	return nil
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	_ = fetchAll(ctx, []int{1, 2, 3})
	cancel()
	_ = fetchAll(ctx, []int{4, 5})
}
