// ok (no fix): the stop case returns only when `s.seen > 0`; after a
// close of `quit` with nothing seen, the loop goes on, spinning on the
// closed channel. `defer s.Close()` would not surely end it, so no stop is
// offered (the goroutine does leak).
package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Errorf(string, ...any) {}
func (fakeTB) FailNow()              {}

type server struct {
	reqs chan string
	quit chan struct{}
	t    require.TestingT
	seen int
}

func newServer(t require.TestingT) *server {
	return &server{reqs: make(chan string), quit: make(chan struct{}), t: t}
}

func (s *server) Serve() {
	go func() {
		for {
			select {
			case <-s.reqs:
				s.seen++
			case <-s.quit:
				if s.seen > 0 {
					return
				}
			}
		}
	}()
}

func (s *server) Close() {
	close(s.quit)
}

func handle(t require.TestingT, reqs []string) {
	s := newServer(t)
	s.Serve()
	for _, r := range reqs {
		s.reqs <- r
	}
}

func run() {
	handle(fakeTB{}, []string{"a", "b"})
}
