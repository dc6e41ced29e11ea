// Not a leak: the handler answers each request on exactly one of two fields
// (reply or errc) and the caller waits on both, so every answer is taken;
// a case on another field of the request may be the answer's partner.
package main

import (
	"context"
	"errors"
	"time"
)

var _ = time.Millisecond

type request struct {
	key   string
	reply chan string
	errc  chan error
}

type server struct {
	reqs chan request
}

var errEmpty = errors.New("empty key")

func (s *server) loop() {
	for r := range s.reqs {
		if r.key == "" {
			r.errc <- errEmpty
			continue
		}
		r.reply <- "v:" + r.key
	}
}

func (s *server) Get(key string) (string, error) {
	req := request{key: key, reply: make(chan string), errc: make(chan error)}
	s.reqs <- req
	select {
	case v := <-req.reply:
		return v, nil
	case err := <-req.errc:
		return "", err
	}
}

func run() {
	s := &server{reqs: make(chan request)}
	go s.loop()
	s.Get("a")
	s.Get("")
	close(s.reqs)
	_ = context.Background
}
