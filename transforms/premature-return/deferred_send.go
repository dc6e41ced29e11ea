// Positive: the goroutine reports through a deferred send (exactly one send
// per run, even when risky panics). execute checks the cancelled context in a
// select with default and returns before reading the report, leaking it.
package main

import (
	"context"
	"fmt"
)

func risky(n int) int {
	if n < 0 {
		panic(fmt.Sprintf("negative input %d", n))
	}
	return n * 2
}

func execute(ctx context.Context, n int) (int, error) {
	report := make(chan any)
	out := 0
	go func() {
		defer func() {
			report <- recover()
		}()
		out = risky(n)
	}()
	select {
	case <-ctx.Done():
		return 0, ctx.Err()
	default:
	}
	if p := <-report; p != nil {
		return 0, fmt.Errorf("execute: %v", p)
	}
	return out, nil
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = execute(ctx, 21)
}
