// Not fixed: a stage between the caller and the worker sends each request
// on twice, so a request may be answered twice; the channel the worker
// receives from carries requests handed on, not only new ones.
package main

import (
	"context"
	"time"
)

type request struct {
	key   string
	reply chan string
}

type server struct {
	in   chan request
	work chan request
}

// mirror hands every request to the worker twice (primary and shadow run).
func (s *server) mirror() {
	for r := range s.in {
		s.work <- r
		s.work <- r
	}
	close(s.work)
}

func (s *server) worker() {
	for req := range s.work {
		req.reply <- "v:" + req.key
	}
}

func (s *server) Get(ctx context.Context, key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	s.in <- req
	select {
	case v := <-req.reply:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	s := &server{in: make(chan request), work: make(chan request)}
	go s.mirror()
	go s.worker()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	s.Get(ctx, "a")
	time.Sleep(10 * time.Millisecond)
	close(s.in)
}
