// Not fixed: the handler function defers close(s.done), which the caller
// waits on beside the answer; a buffer would let the close come before the
// answer is taken.
package main

import (
	"context"
	"time"
)

var _ = time.Millisecond

type request struct {
	key   string
	reply chan string
}

type server struct {
	reqs chan request
	done chan struct{}
}

// serveOne serves a single request and then closes the server.
func (s *server) serveOne() {
	defer close(s.done)
	req := <-s.reqs
	req.reply <- "v:" + req.key
}

func (s *server) Get(key string) (string, bool) {
	req := request{key: key, reply: make(chan string)}
	s.reqs <- req
	time.Sleep(time.Millisecond)
	select {
	case v := <-req.reply:
		return v, true
	case <-s.done:
		return "", false
	}
}

func run() {
	lost := 0
	for i := 0; i < 50; i++ {
		s := &server{reqs: make(chan request), done: make(chan struct{})}
		go s.serveOne()
		if _, ok := s.Get("a"); !ok {
			lost++
		}
	}
	println("answered but reported closed:", lost, "/ 50")
	_ = context.Background
}
