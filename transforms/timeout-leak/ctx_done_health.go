// Positive: healthCheck gives up as soon as ctx is done. The error channel is
// unbuffered, so after a cancellation the ping goroutine can never deliver its
// single result and stays blocked on `errc <- ...`.
package main

import (
	"context"
	"errors"
	"time"
)

func ping(addr string) error {
	time.Sleep(2 * time.Millisecond)
	if addr == "" {
		return errors.New("ping: empty address")
	}
	return nil
}

func healthCheck(ctx context.Context, addr string) error {
	errc := make(chan error)
	go func() {
		errc <- ping(addr)
	}()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := healthCheck(ctx, "db:5432"); err != nil {
		_ = err.Error()
	}
}
