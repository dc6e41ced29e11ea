// ok (reported, no fix): a goroutine the loop starts raises the loop's
// bound (`l.parallelism = 8`) while the loop waits for it, so the bound at
// the make under-counts the goroutines. Writes in the goroutines count too.
package main

import (
	"errors"
	"sync/atomic"
)

type loader struct {
	parallelism int
	ready       chan struct{}
}

var started atomic.Int32

func (l *loader) load() error {
	res := make(chan error)
	for i := 0; i < l.parallelism; i++ {
		go func() {
			if i == 0 {
				l.parallelism = 8
				close(l.ready)
			}
			if i%2 == 1 {
				res <- errors.New("odd stripe failed")
				return
			}
			res <- nil
		}()
		if i == 0 {
			<-l.ready
		}
	}
	for range 2 {
		if err := <-res; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	l := &loader{parallelism: 4, ready: make(chan struct{})}
	_ = l.load()
}
