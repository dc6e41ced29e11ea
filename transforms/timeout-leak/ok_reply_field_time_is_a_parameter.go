// Not fixed: `time` in `time.After` is a parameter of the caller (a clock
// the handler fires), not the time package.
package main

import (
	"errors"
	"fmt"
	"time"
)

type request struct {
	key   string
	reply chan string
}

// clock is a test clock: After fires once the server has answered.
type clock struct{ fired chan struct{} }

func (c clock) After(int) <-chan struct{} { return c.fired }

type server struct {
	reqs  chan request
	fired chan struct{}
}

var errSlow = errors.New("too slow")

func (s *server) serveOne() {
	defer close(s.fired)
	req := <-s.reqs
	req.reply <- "v:" + req.key
}

func (s *server) Get(time clock, key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	s.reqs <- req
	select {
	case v := <-req.reply:
		return v, nil
	case <-time.After(5):
		return "", errSlow
	}
}

func run() {
	lost := 0
	for i := 0; i < 200; i++ {
		s := &server{reqs: make(chan request), fired: make(chan struct{})}
		go s.serveOne()
		if _, err := s.Get(clock{fired: s.fired}, "a"); err != nil {
			lost++
		}
	}
	fmt.Printf("answered requests reported as slow: %d/200\n", lost)
	_ = time.Millisecond
}
