// Positive: each iteration starts a literal that only calls the `ask`
// closure with its replica; `ask` sends one answer. The parent takes the
// first answer (or gives up on ctx) and returns: the other goroutines
// block forever. Capacity len(replicas).
package main

import (
	"context"
	"time"
)

func query(replica string) string {
	time.Sleep(5 * time.Millisecond)
	return "answer from " + replica
}

func fastest(ctx context.Context, replicas []string) (string, error) {
	answers := make(chan string)
	ask := func(r string) {
		answers <- query(r)
	}
	for _, r := range replicas {
		go func() {
			ask(r)
		}()
	}
	select {
	case a := <-answers:
		return a, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	_, _ = fastest(context.Background(), []string{"r1", "r2", "r3"})
	time.Sleep(20 * time.Millisecond)
}
