// Not fixed: the front server answers some requests itself and hands the
// others on whole to a back server, which answers them too. Where a request
// goes, and so how many goroutines may send on its reply channel, is not
// something leakfix follows.
package main

import (
	"context"
	"strings"
	"time"
)

type request struct {
	key   string
	reply chan string
}

type server struct {
	front chan request
	back  chan request
}

func (s *server) frontLoop() {
	for req := range s.front {
		if strings.HasPrefix(req.key, "slow/") {
			s.back <- req
			continue
		}
		req.reply <- "front:" + req.key
	}
}

func (s *server) backLoop() {
	for req := range s.back {
		req.reply <- "back:" + req.key
	}
}

func (s *server) Get(ctx context.Context, key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	s.front <- req
	select {
	case v := <-req.reply:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	s := &server{front: make(chan request), back: make(chan request)}
	go s.frontLoop()
	go s.backLoop()
	_, _ = s.Get(context.Background(), "k")
	_, _ = s.Get(context.Background(), "slow/k")
	close(s.front)
	close(s.back)
	time.Sleep(time.Millisecond)
}
