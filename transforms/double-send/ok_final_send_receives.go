// ok (no edit): the final send's value receives (`errc <- <-results`); a
// `return` after the first send would skip that receive and strand the
// parent's `results <- nil`. Refused. (From the 2026-12-04 review.)
package main

import (
	"errors"
	"time"
)

func supervise(name string, results chan error) error {
	errc := make(chan error)
	go func() {
		if name == "" {
			errc <- errors.New("unnamed job")
		}
		errc <- <-results
	}()
	err := <-errc
	results <- nil
	return err
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = supervise("", make(chan error))
	}()
	select {
	case <-done:
	case <-time.After(100 * time.Millisecond):
		panic("supervise hung")
	}
}
