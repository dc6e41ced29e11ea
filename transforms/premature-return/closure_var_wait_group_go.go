// Positive: the snapshot closure is held in a variable and handed to
// wg.Go (Go 1.25). When validation fails, the function returns before
// receiving, and the goroutine blocks forever on its send (wg.Wait is never
// reached). Capacity 1 lets the send complete.
package main

import (
	"errors"
	"sync"
)

type snapshot struct{ keys int }

type store struct{ data map[string]string }

func (s *store) take() snapshot { return snapshot{keys: len(s.data)} }

func (s *store) validate() error {
	if len(s.data) == 0 {
		return errors.New("store: empty")
	}
	return nil
}

func (s *store) snapshot() (snapshot, error) {
	var wg sync.WaitGroup
	snaps := make(chan snapshot)
	capture := func() {
		snaps <- s.take()
	}
	wg.Go(capture)
	if err := s.validate(); err != nil {
		return snapshot{}, err
	}
	snap := <-snaps
	wg.Wait()
	return snap, nil
}

func run() {
	s := &store{}
	_, _ = s.snapshot()
}
