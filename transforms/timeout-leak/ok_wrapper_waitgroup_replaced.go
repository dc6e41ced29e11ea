// ok (no edit): the wrapper counts on the field `s.wg`, which `drain`
// replaces with a new WaitGroup; the goroutine's `Done` would then go to
// a WaitGroup it was never added to and panic (negative counter) once a
// buffer lets it finish. A WaitGroup field spelled other than
// `.Add(`/`.Done(`/`.Wait(` is refused. (From the 2026-12-04 review.)
package main

import (
	"errors"
	"sync"
	"time"
)

type server struct {
	wg *sync.WaitGroup
}

func (s *server) goTracked(f func()) {
	s.wg.Add(1)
	go func() {
		f()
		s.wg.Done()
	}()
}

// drain forgets the goroutines started so far.
func (s *server) drain() { s.wg = new(sync.WaitGroup) }

func (s *server) lookup(budget time.Duration) (string, error) {
	answer := make(chan string)
	s.goTracked(func() {
		time.Sleep(5 * time.Millisecond)
		answer <- "10.0.0.1"
	})
	select {
	case a := <-answer:
		return a, nil
	case <-time.After(budget):
		return "", errors.New("lookup timed out")
	}
}

func run() {
	s := &server{wg: new(sync.WaitGroup)}
	if _, err := s.lookup(time.Millisecond); err != nil {
		s.drain()
	}
	s.wg.Wait()
	time.Sleep(20 * time.Millisecond)
}
