// Positive: the first answer is awaited without a deadline, the second
// with one. When the deadline fires, the second goroutine blocks forever
// on the unbuffered channel. Capacity 2 (one per goroutine).
package main

import (
	"context"
	"time"
)

type result struct {
	rows int
	err  error
}

func query(table string) result {
	time.Sleep(20 * time.Millisecond)
	return result{rows: len(table)}
}

func countTables(ctx context.Context) (int, error) {
	results := make(chan result)
	go func() {
		results <- query("users")
	}()
	users := <-results
	if users.err != nil {
		return 0, users.err
	}
	go func() {
		results <- query("orders")
	}()
	select {
	case orders := <-results:
		return users.rows + orders.rows, orders.err
	case <-ctx.Done():
		return 0, ctx.Err()
	}
}

func run() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	_, _ = countTables(ctx)
	time.Sleep(50 * time.Millisecond)
}
