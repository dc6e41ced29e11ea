// ok (no leak): on the timeout path a deferred func still receives from the
// channel, so the worker's single send always completes (the caller waits for
// the worker before returning). Every path receives; no edit.
package main

import (
	"context"
	"time"
)

func writeSnapshot(path string) error {
	time.Sleep(2 * time.Millisecond)
	_ = path
	return nil
}

func snapshot(ctx context.Context, path string) error {
	done := make(chan error)
	go func() {
		done <- writeSnapshot(path)
	}()

	received := false
	defer func() {
		if !received {
			<-done
		}
	}()

	select {
	case err := <-done:
		received = true
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_ = snapshot(ctx, "/tmp/snap")
}
