// Not fixed: the caller also waits on s.done, which the handler closes
// once its loop ends. Unbuffered, done can only close after the answer was
// taken; with a buffer the handler could finish first and the select could
// take done with the answer unread. Only cases no goroutine can make ready
// (ctx.Done(), timers, default) may sit beside a handler's answer.
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
	done chan struct{}
}

var errClosed = errors.New("server closed")

func (s *server) loop() {
	defer close(s.done)
	for req := range s.reqs {
		req.reply <- "v:" + req.key
	}
}

func (s *server) Get(key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	s.reqs <- req
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
		s := &server{reqs: make(chan request), done: make(chan struct{})}
		go s.loop()
		res := make(chan error, 1)
		go func() {
			_, err := s.Get("a")
			res <- err
		}()
		time.Sleep(200 * time.Microsecond)
		close(s.reqs)
		if <-res != nil {
			lost++
		}
	}
	fmt.Printf("answered requests reported as closed: %d/50\n", lost)
}
