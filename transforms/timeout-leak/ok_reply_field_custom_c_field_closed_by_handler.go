// Not fixed: the other case waits on the C field of a struct that is not
// a timer, and the handler closes it after answering.
package main

import (
	"errors"
	"fmt"
)

type request struct {
	key   string
	reply chan string
}

// ticker-like signal: C fires once the server has answered.
type signal struct{ C chan struct{} }

type server struct {
	reqs chan request
	sig  signal
}

var errGone = errors.New("server gone")

func (s *server) serveOne() {
	defer close(s.sig.C)
	req := <-s.reqs
	req.reply <- "v:" + req.key
}

func (s *server) Get(key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	s.reqs <- req
	select {
	case v := <-req.reply:
		return v, nil
	case <-s.sig.C:
		return "", errGone
	}
}

func run() {
	lost := 0
	for i := 0; i < 200; i++ {
		s := &server{reqs: make(chan request), sig: signal{C: make(chan struct{})}}
		go s.serveOne()
		if _, err := s.Get("a"); err != nil {
			lost++
		}
	}
	fmt.Printf("answered requests reported as gone: %d/200\n", lost)
}
