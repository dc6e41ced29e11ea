// Not fixed: the caller's other case is the Done() of a gate the handler
// closes when it returns; unbuffered, the answer always comes first, but
// with a buffer the select could take Done with the answer unread. Only
// the caller's own context counts as independent.
package main

import (
	"errors"
	"fmt"
)

type request struct {
	key   string
	reply chan string
}

// gate is closed by the server once it has answered its one request.
type gate struct{ done chan struct{} }

func (g *gate) Done() <-chan struct{} { return g.done }

type server struct {
	reqs chan request
	g    *gate
}

var errGone = errors.New("server gone")

func (s *server) serveOne() {
	defer close(s.g.done)
	req := <-s.reqs
	req.reply <- "v:" + req.key
}

func (s *server) Get(key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	s.reqs <- req
	select {
	case v := <-req.reply:
		return v, nil
	case <-s.g.Done():
		return "", errGone
	}
}

func run() {
	lost := 0
	for i := 0; i < 200; i++ {
		s := &server{reqs: make(chan request), g: &gate{done: make(chan struct{})}}
		go s.serveOne()
		if _, err := s.Get("a"); err != nil {
			lost++
		}
	}
	fmt.Printf("answered requests reported as gone: %d/200\n", lost)
}
