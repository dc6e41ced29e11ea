// Positive: the watcher waits in a select with a single case, which blocks
// exactly as `<-stop` does. A failed setup returns before `close(stop)`,
// and the watcher waits forever. Fix: `defer close(stop)` after the make,
// and the old close removed.
package main

import (
	"errors"
	"sync/atomic"
)

var watched atomic.Int64

func setup(fail bool) error {
	if fail {
		return errors.New("setup failed")
	}
	return nil
}

func watch(fail bool) error {
	stop := make(chan struct{})
	go func() {
		watched.Add(1)
		select {
		case <-stop:
		}
		watched.Add(-1)
	}()
	if err := setup(fail); err != nil {
		return err
	}
	close(stop)
	return nil
}

func run() {
	_ = watch(true)
}
