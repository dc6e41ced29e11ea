// Positive: as reply_field_in_request.go, with the request's fields
// commented in an aligned column: the edit keeps the comment where gofmt
// aligned it (the padding before it shrinks), so the file stays
// gofmt-clean.
package main

import (
	"context"
	"strings"
	"time"
)

type request struct {
	key   string
	reply chan string
	since time.Time
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
	req := request{
		key:   key,                               // what to look up
		reply: make(chan string),                 // the answer
		since: time.Now().Add(-time.Millisecond), // when it was asked
	}
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
