// Positive: the prepare goroutine hands back a commit function on an unbuffered
// `chan func() error`. On timeout the caller returns without receiving, and
// the goroutine blocks forever sending the closure.
package main

import (
	"errors"
	"time"
)

type store struct {
	data map[string]string
}

func (s *store) prepare(key, val string) func() error {
	time.Sleep(2 * time.Millisecond)
	return func() error {
		if key == "" {
			return errors.New("empty key")
		}
		s.data[key] = val
		return nil
	}
}

func put(s *store, key, val string, limit time.Duration) error {
	commits := make(chan func() error)
	go func() {
		commits <- s.prepare(key, val)
	}()

	select {
	case commit, ok := <-commits:
		if !ok {
			return errors.New("prepare aborted")
		}
		return commit()
	case <-time.After(limit):
		return errors.New("prepare timed out")
	}
}

func run() {
	s := &store{data: map[string]string{}}
	_ = put(s, "k", "v", time.Millisecond)
}
