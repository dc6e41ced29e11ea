// Not fixed: the caller selects on the Done() of a context the server
// holds and the handler cancels when it stops, not the caller's own.
package main

import (
	"context"
	"errors"
	"fmt"
)

type request struct {
	key   string
	reply chan string
}

// server answers up to limit requests, then cancels its lifetime context.
type server struct {
	reqs   chan request
	ctx    context.Context
	cancel context.CancelFunc
	limit  int
}

var errClosed = errors.New("server closed")

func (s *server) loop() {
	defer s.cancel()
	for n := 0; n < s.limit; n++ {
		req := <-s.reqs
		req.reply <- "v:" + req.key
	}
}

func (s *server) Get(key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	s.reqs <- req
	select {
	case v := <-req.reply:
		return v, nil
	case <-s.ctx.Done():
		return "", errClosed
	}
}

func run() {
	lost := 0
	for i := 0; i < 200; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		s := &server{reqs: make(chan request), ctx: ctx, cancel: cancel, limit: 1}
		go s.loop()
		if _, err := s.Get("a"); err != nil {
			lost++
		}
	}
	fmt.Printf("answered requests reported as closed: %d/200\n", lost)
}
