// ok (no edit): the goroutine also stops on a timeout, so skipping the
// close does not leave it blocked forever.
package main

import (
	"errors"
	"time"
)

func serve(fail bool) error {
	done := make(chan struct{})
	go func() {
		select {
		case <-done:
		case <-time.After(time.Millisecond):
		}
	}()
	if fail {
		return errors.New("setup failed")
	}
	close(done)
	return nil
}

func run() {
	_ = serve(true)
	time.Sleep(10 * time.Millisecond)
}
