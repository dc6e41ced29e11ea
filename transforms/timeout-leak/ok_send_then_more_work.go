// ok (leaks; fix graded unsafe, not applied by default): the goroutine signals it started
// and then keeps working with state the parent tears down on timeout. A
// buffer would let it run on past the signal after the parent gave up, where
// it now stays blocked; that is more than buffering, so no edit by default.
package main

import (
	"errors"
	"time"
)

type stream struct{ items []int }

func (s *stream) next() (int, error) {
	if len(s.items) == 0 {
		return 0, errors.New("closed")
	}
	v := s.items[0]
	s.items = s.items[1:]
	return v, nil
}

func observe(s *stream, wait time.Duration) int {
	started := make(chan struct{})
	total := 0
	go func() {
		started <- struct{}{}
		for i := 0; i < 3; i++ {
			v, err := s.next()
			if err != nil {
				return
			}
			total += v
		}
	}()
	select {
	case <-started:
	case <-time.After(wait):
		return -1
	}
	return 0
}

func run() {
	_ = observe(&stream{}, 0)
}
