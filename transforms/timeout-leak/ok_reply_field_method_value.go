// Not fixed: the answering method is also used as a value (handed to a
// dispatcher that may call it any number of times), so how often a request
// is answered is not known.
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
	store map[string]int
}

func dispatch(reqs chan *getReq, handle func(*getReq)) {
	for r := range reqs {
		handle(r)
	}
}

func (s *kvServer) handleGet(r *getReq) {
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
	s := &kvServer{gets: make(chan *getReq), store: map[string]int{"a": 1}}
	go dispatch(s.gets, s.handleGet)
	_, _ = s.get(context.Background(), "a")
	close(s.gets)
	time.Sleep(time.Millisecond)
}
