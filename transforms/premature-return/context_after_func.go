// Positive: context.AfterFunc runs the report in its own goroutine once the
// request's context is done, and its stop function is dropped. The parent
// returns early on a bad request without receiving, so when the context
// ends the report's send blocks forever. Capacity 1.
package main

import (
	"context"
	"errors"
	"time"
)

type report struct{ at time.Time }

func cancelled(ctx context.Context, id string) (report, error) {
	reports := make(chan report)
	context.AfterFunc(ctx, func() {
		reports <- report{at: time.Now()}
	})
	if id == "" {
		return report{}, errors.New("no request id")
	}
	return <-reports, nil
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	_, _ = cancelled(ctx, "")
	cancel()
	time.Sleep(10 * time.Millisecond)
}
