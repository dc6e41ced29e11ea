// Not fixed: the loop calls the answering method twice for some requests (a
// retry after a stale read), so a request may get two answers and one slot
// would not free the server.
package main

import (
	"context"
	"time"
)

type getReq struct {
	key   string
	fresh bool
	resp  chan int
}

type kvServer struct {
	gets  chan *getReq
	store map[string]int
}

func (s *kvServer) run() {
	for r := range s.gets {
		s.handleGet(r)
		if r.fresh {
			s.handleGet(r)
		}
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
	go s.run()
	_, _ = s.get(context.Background(), "a")
	close(s.gets)
	time.Sleep(time.Millisecond)
}
