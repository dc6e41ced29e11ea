// ok (no edit): `goTracked` counts its goroutines on a tracker of the
// package, not a sync.WaitGroup, and the tracker's `Done` closes `idle`
// when the last one ends, which the parent's select also waits for. With a
// buffer, the goroutine would send and then be done at once, and the
// select could take `idle` instead of the answer: only a WaitGroup's
// `Add`/`Done` around the call are known to be quiet.
package main

import (
	"errors"
	"sync"
	"time"
)

type tracker struct {
	mu   sync.Mutex
	n    int
	idle chan struct{}
}

func (t *tracker) Add(n int) {
	t.mu.Lock()
	t.n += n
	t.mu.Unlock()
}

func (t *tracker) Done() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.n--
	if t.n == 0 {
		close(t.idle)
	}
}

type server struct {
	t tracker
}

func (s *server) goTracked(f func()) {
	s.t.Add(1)
	go func() {
		defer s.t.Done()
		f()
	}()
}

func resolve(name string) string {
	time.Sleep(5 * time.Millisecond)
	return "10.0.0.1 " + name
}

func (s *server) lookup(name string, budget time.Duration) (string, error) {
	answer := make(chan string)
	s.goTracked(func() {
		answer <- resolve(name)
	})
	select {
	case a := <-answer:
		return a, nil
	case <-s.t.idle:
		return "", errors.New("server idle")
	case <-time.After(budget):
		return "", errors.New("lookup timed out")
	}
}

func run() {
	s := &server{t: tracker{idle: make(chan struct{})}}
	_, _ = s.lookup("db", time.Second)
}
