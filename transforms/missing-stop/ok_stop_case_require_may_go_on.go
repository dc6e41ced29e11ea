// ok (no fix): the goroutine's stop case checks with testify's `require`
// and has no `return`: once `quit` is closed the check may pass and the
// loop go on, spinning on the closed channel. `defer s.Close()` would not
// end it, so no stop is offered (the goroutine does leak).
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
				require.True(s.t, s.seen > 0)
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
