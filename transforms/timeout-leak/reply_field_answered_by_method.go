// Positive: the server's loop hands each request to a method that answers
// it once on the request's reply field. When the caller's context ends
// first, the server blocks forever in that method (and serves nobody after
// it). Capacity 1 lets the one answer finish.
package main

import (
	"context"
	"time"
)

type getReq struct {
	key  string
	resp chan int
}

type kvServer struct {
	gets  chan *getReq
	stop  chan struct{}
	store map[string]int
}

func (s *kvServer) run() {
	for {
		select {
		case r := <-s.gets:
			s.handleGet(r)
		case <-s.stop:
			return
		}
	}
}

func (s *kvServer) handleGet(r *getReq) {
	time.Sleep(5 * time.Millisecond)
	r.resp <- s.store[r.key]
}

func (s *kvServer) get(ctx context.Context, key string) (int, bool) {
	r := &getReq{key: key, resp: make(chan int)}
	s.gets <- r
	select {
	case v := <-r.resp:
		return v, true
	case <-ctx.Done():
		return 0, false
	}
}

func run() {
	s := &kvServer{gets: make(chan *getReq), stop: make(chan struct{}), store: map[string]int{"a": 1}}
	go s.run()
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	_, _ = s.get(ctx, "a")
	time.Sleep(20 * time.Millisecond)
	close(s.stop)
}
