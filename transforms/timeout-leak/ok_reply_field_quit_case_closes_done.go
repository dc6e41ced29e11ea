// Not fixed: the handler's own quit case closes s.done, which the caller
// waits on beside the answer: a buffer would let the handler quit before the
// answer is taken, and the caller could see done instead.
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

type server struct {
	reqs chan request
	quit chan struct{}
	done chan struct{}
}

var errClosed = errors.New("server closed")

func (s *server) loop() {
	for {
		select {
		case req := <-s.reqs:
			req.reply <- "v:" + req.key
		case <-s.quit:
			close(s.done)
			return
		}
	}
}

func (s *server) Get(key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	select {
	case s.reqs <- req:
	case <-s.done:
		return "", errClosed
	}
	time.Sleep(time.Millisecond) // bookkeeping after submitting
	select {
	case v := <-req.reply:
		return v, nil
	case <-s.done:
		return "", errClosed
	}
}

func run() {
	lost := 0
	for i := 0; i < 50; i++ {
		s := &server{reqs: make(chan request), quit: make(chan struct{}), done: make(chan struct{})}
		go s.loop()
		res := make(chan error, 1)
		go func() {
			_, err := s.Get("a")
			res <- err
		}()
		time.Sleep(200 * time.Microsecond)
		close(s.quit)
		if <-res != nil {
			lost++
		}
	}
	fmt.Printf("accepted requests reported as closed: %d/50\n", lost)
}
