// Not fixed: two request types of the package both have a `reply` field, so
// `x.reply` in the handler is not known to be the field the caller made
// its channel in without the types of the expressions.
package main

import (
	"context"
	"time"
)

type getRequest struct {
	key   string
	reply chan string
}

type putRequest struct {
	key, value string
	reply      chan string
}

type server struct {
	gets chan getRequest
	puts chan putRequest
	data map[string]string
}

func (s *server) loop() {
	for {
		select {
		case req, ok := <-s.gets:
			if !ok {
				return
			}
			req.reply <- s.data[req.key]
		case req := <-s.puts:
			s.data[req.key] = req.value
			req.reply <- req.value
			req.reply <- req.value
		}
	}
}

func (s *server) Get(ctx context.Context, key string) (string, error) {
	req := getRequest{key: key, reply: make(chan string)}
	s.gets <- req
	select {
	case v := <-req.reply:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	s := &server{gets: make(chan getRequest), puts: make(chan putRequest), data: map[string]string{}}
	go s.loop()
	_, _ = s.Get(context.Background(), "k")
	close(s.gets)
	time.Sleep(time.Millisecond)
}
