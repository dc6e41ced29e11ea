// Positive: `for i := range attempts` (Go 1.22 range over int) starts one
// hedged request per attempt; the parent selects once between the first
// result and ctx.Done(). When ctx wins, or after the first result, the
// other senders block forever.
package main

import (
	"context"
	"strconv"
)

func request(ctx context.Context, attempt int) string {
	return "reply-" + strconv.Itoa(attempt)
}

func hedged(ctx context.Context, attempts int) (string, error) {
	replies := make(chan string)
	for i := range attempts {
		go func() {
			replies <- request(ctx, i)
		}()
	}
	select {
	case r := <-replies:
		return r, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = hedged(ctx, 3)
}
