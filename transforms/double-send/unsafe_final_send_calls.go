// Positive, unsafe fix: the final send's value calls `save(id)`, which the
// goroutine runs on the error path before it blocks; the `return` skips
// it, so the fix is unsafe and says so. (From the 2026-12-04 review, where
// it was wrongly graded safe.)
package main

import (
	"errors"
	"sync/atomic"
	"time"
)

var saved atomic.Int64

func save(id int) error {
	saved.Add(1)
	return nil
}

func store(id int) error {
	errc := make(chan error)
	go func() {
		if id < 0 {
			errc <- errors.New("bad id")
		}
		errc <- save(id)
	}()
	return <-errc
}

func run() {
	_ = store(-1)
	time.Sleep(10 * time.Millisecond)
}
