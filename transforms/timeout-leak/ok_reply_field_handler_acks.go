// Not fixed: the server sends its answer on the request's reply channel and
// then waits on the same channel for the caller's acknowledgement. With a
// buffer the server could take back its own answer as the acknowledgement,
// so the channel is not a reply channel leakfix may buffer.
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
		req.reply <- "value of " + req.key
		<-req.reply
	}
}

func (s *server) Get(ctx context.Context, key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	s.reqs <- req
	select {
	case v := <-req.reply:
		req.reply <- "ack"
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	s := &server{reqs: make(chan request)}
	go s.loop()
	_, _ = s.Get(context.Background(), "k")
	time.Sleep(5 * time.Millisecond)
	close(s.reqs)
}
