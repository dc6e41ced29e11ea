// Positive: the health check hands a ping to the server goroutine and then
// returns early when the server is draining, without taking the answer.
// The server answers every request once, so it blocks forever on the
// reply (and serves nobody after it). Capacity 1 lets that send finish.
package main

import (
	"errors"
	"sync/atomic"
	"time"
)

type request struct {
	op    string
	reply chan string
}

type server struct {
	reqs     chan request
	draining atomic.Bool
}

func (s *server) loop() {
	for req := range s.reqs {
		time.Sleep(time.Millisecond)
		req.reply <- "pong:" + req.op
	}
}

var errDraining = errors.New("server is draining")

func (s *server) healthy() error {
	req := request{op: "ping", reply: make(chan string)}
	s.reqs <- req
	if s.draining.Load() {
		return errDraining
	}
	if got := <-req.reply; got != "pong:ping" {
		return errors.New("bad answer " + got)
	}
	return nil
}

func run() {
	s := &server{reqs: make(chan request)}
	go s.loop()
	s.draining.Store(true)
	_ = s.healthy()
	time.Sleep(10 * time.Millisecond)
	close(s.reqs)
}
