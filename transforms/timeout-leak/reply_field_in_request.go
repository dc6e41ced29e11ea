// Positive: each request carries its own reply channel to the server
// goroutine, which answers every request once. When the caller's context
// ends first, Get returns and the server blocks forever on the reply (and
// with it every later caller). Capacity 1 lets the server's one send finish.
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
	reqs chan request
}

func (s *server) loop() {
	for req := range s.reqs {
		time.Sleep(5 * time.Millisecond)
		req.reply <- strings.ToUpper(req.key)
	}
}

func (s *server) Get(ctx context.Context, key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	s.reqs <- req
	select {
	case v := <-req.reply:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	s := &server{reqs: make(chan request)}
	go s.loop()
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	_, _ = s.Get(ctx, "k")
	time.Sleep(20 * time.Millisecond)
	close(s.reqs)
}
