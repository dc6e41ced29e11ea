// ok (no leak): same early-return shape as a positive, but the result channel
// already has capacity 1, so the worker's single send completes even when
// fetchQuota returns first. Nothing to edit.
package main

import (
	"context"
	"time"
)

type quota struct {
	used, limit int
}

func loadQuota(user string) quota {
	return quota{used: len(user), limit: 100}
}

func fetchQuota(ctx context.Context, user string) (quota, error) {
	qc := make(chan quota, 1)
	go func() {
		qc <- loadQuota(user)
	}()
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) <= 0 {
		return quota{}, context.DeadlineExceeded
	}
	return <-qc, nil
}

func run() {
	ctx, cancel := context.WithTimeout(context.Background(), -time.Second)
	defer cancel()
	_, _ = fetchQuota(ctx, "alice")
}
