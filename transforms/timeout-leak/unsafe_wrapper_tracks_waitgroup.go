// Positive, unsafe fix: the server's `goTracked` method counts every
// goroutine it starts on the server's WaitGroup (`s.wg.Add(1)`, then
// `defer s.wg.Done()` around the call), so that `Close` can wait for them.
// The lookup waits for the answer in a select with a timer; when the timer
// wins, the goroutine blocks forever on its send, and `Close` would wait
// for it forever too. With the buffer, the goroutine sends, is done, and
// `Close` returns. Graded unsafe: the wrapper's `Done` then runs where the
// goroutine used to block, and a `Wait` on the field (here in `Close`) may
// return in another goroutine that signals the parent.
package main

import (
	"errors"
	"sync"
	"time"
)

type server struct {
	wg sync.WaitGroup
}

func (s *server) goTracked(f func()) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		f()
	}()
}

func (s *server) Close() { s.wg.Wait() }

func resolve(name string) string {
	time.Sleep(20 * time.Millisecond)
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
	case <-time.After(budget):
		return "", errors.New("lookup timed out")
	}
}

func run() {
	s := &server{}
	_, _ = s.lookup("db", time.Millisecond)
	time.Sleep(50 * time.Millisecond)
}
