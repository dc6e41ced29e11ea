// ok (no finding): the keep-alive also returns when a refresh fails, so it
// has a way out besides the close: leakfix does not claim that the early
// return leaves it running.
package main

import (
	"errors"
	"time"
)

func refresh(n int) error {
	if n > 2 {
		return errors.New("lock lost")
	}
	return nil
}

func apply(steps []bool) error {
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		n := 0
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				n++
				if refresh(n) != nil {
					return
				}
			}
		}
	}()
	for _, fail := range steps {
		if fail {
			return errors.New("step failed")
		}
	}
	close(stop)
	return nil
}

func run() {
	_ = apply([]bool{false, true})
}
