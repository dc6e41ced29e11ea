// Positive: each request carries its reply channel (`reply: make(chan
// result)`), and the store handles it in a goroutine of its own (`go
// s.handle(req)`), which answers once on `req.reply`. The caller waits in
// a select with a timer; when the timer wins, the handler blocks forever
// on its answer. A buffer of one lets it answer and end.
package main

import (
	"errors"
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

type store struct{ data map[string]string }

func (s *store) handle(req request) {
	time.Sleep(20 * time.Millisecond)
	v, ok := s.data[req.key]
	if !ok {
		req.reply <- result{err: errors.New("not found")}
		return
	}
	req.reply <- result{value: v}
}

func (s *store) get(key string, budget time.Duration) (string, error) {
	req := request{key: key, reply: make(chan result)}
	go s.handle(req)
	select {
	case r := <-req.reply:
		return r.value, r.err
	case <-time.After(budget):
		return "", errors.New("get timed out")
	}
}

func run() {
	s := &store{data: map[string]string{"a": "1"}}
	_, _ = s.get("a", time.Millisecond)
	time.Sleep(50 * time.Millisecond)
}
