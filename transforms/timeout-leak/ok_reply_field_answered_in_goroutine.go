// Not fixed: the server answers each request from a goroutine of its own,
// started inside the loop; how many of those may run for one request is not
// something leakfix counts.
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
	reqs chan request
}

func (s *server) loop() {
	for req := range s.reqs {
		go func() {
			req.reply <- "value of " + req.key
		}()
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
	_, _ = s.Get(context.Background(), "k")
	close(s.reqs)
	time.Sleep(time.Millisecond)
}
