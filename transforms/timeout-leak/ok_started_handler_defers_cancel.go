// ok (no edit): the handler started with the request defers `s.cancel()`,
// which cancels the context the caller's select waits on. Today it runs
// only once the answer is taken; with a buffer it would run at once, and
// the select could take `ctx.Done()` over a ready answer. A started
// handler with a `defer` is refused. (From the 2026-12-04 review.)
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type result struct {
	value string
	err   error
}

type request struct {
	key   string
	reply chan result
}

type store struct {
	data   map[string]string
	cancel context.CancelFunc
}

// handle answers the request, then tells the store's owner it is idle.
func (s *store) handle(req request) {
	defer s.cancel()
	v, ok := s.data[req.key]
	if !ok {
		req.reply <- result{err: errors.New("not found")}
		return
	}
	req.reply <- result{value: v}
}

func (s *store) get(ctx context.Context, key string) (string, error) {
	req := request{key: key, reply: make(chan result)}
	go s.handle(req)
	time.Sleep(5 * time.Millisecond)
	select {
	case r := <-req.reply:
		return r.value, r.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	lost := 0
	for i := 0; i < 50; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		s := &store{data: map[string]string{"a": "1"}, cancel: cancel}
		if _, err := s.get(ctx, "a"); err != nil {
			lost++
		}
	}
	fmt.Println("lost", lost)
}
