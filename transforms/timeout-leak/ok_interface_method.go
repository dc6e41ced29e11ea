// ok (leaks, but not edited): the channel is handed to Dispatch, a method
// called through an interface. leakfix cannot see which body runs, so it must
// treat the channel as escaping and leave the make alone.
package main

import (
	"context"
	"time"
)

type Dispatcher interface {
	Dispatch(task string, done chan<- error)
}

type pool struct{}

func (pool) Dispatch(task string, done chan<- error) {
	go func() {
		time.Sleep(2 * time.Millisecond)
		done <- nil
	}()
}

func submit(ctx context.Context, d Dispatcher, task string) error {
	done := make(chan error)
	d.Dispatch(task, done)
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_ = submit(ctx, pool{}, "resize")
}
