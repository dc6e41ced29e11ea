// Tasks are closures (`chan func() error`) executed by a fixed set of
// executor goroutines that range over the channel. run submits every task
// from its own body and returns; the executors are never released.
package main

import (
	"errors"
	"sync"
)

type errList struct {
	mu   sync.Mutex
	errs []error
}

func (l *errList) add(err error) {
	l.mu.Lock()
	l.errs = append(l.errs, err)
	l.mu.Unlock()
}

func run() {
	var failures errList
	tasks := make(chan func() error)
	for range 2 {
		go func() {
			for task := range tasks {
				if err := task(); err != nil {
					failures.add(err)
				}
			}
		}()
	}

	tasks <- func() error { return nil }
	tasks <- func() error { return errors.New("disk full") }
	tasks <- func() error { return nil }
}
