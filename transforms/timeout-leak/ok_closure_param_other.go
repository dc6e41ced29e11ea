// ok (no leak): the goroutine's parameter is named `errc` too, but it is bound
// to `spare`, a buffered channel. The outer unbuffered `errc` is the one the
// select reads, and its sender selects on ctx.Done() as well. No edit.
package main

import (
	"context"
	"errors"
	"time"
)

func upload(name string) error {
	time.Sleep(2 * time.Millisecond)
	if name == "" {
		return errors.New("upload: no name")
	}
	return nil
}

func publish(ctx context.Context, name string) error {
	errc := make(chan error)
	spare := make(chan error, 1)
	go func(errc chan<- error) {
		errc <- upload(name + ".sig")
	}(spare)
	go func() {
		err := upload(name)
		select {
		case errc <- err:
		case <-ctx.Done():
		}
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
	_ = publish(ctx, "release.tar")
}
