// Positive: the sender is a method, `go s.fetch(key, res)`. fetch has two
// sends but on different paths (the first is followed by return), so it sends
// at most once. Get rejects an empty key before receiving and fetch leaks.
package main

import (
	"errors"
	"fmt"
)

type result struct {
	val string
	err error
}

type store struct {
	data map[string]string
}

func (s *store) fetch(key string, out chan<- result) {
	v, ok := s.data[key]
	if !ok {
		out <- result{err: fmt.Errorf("%q not found", key)}
		return
	}
	out <- result{val: v}
}

func (s *store) Get(key string, allowEmpty bool) (string, error) {
	res := make(chan result)
	go s.fetch(key, res)
	if key == "" && !allowEmpty {
		return "", errors.New("store: empty key")
	}
	r := <-res
	return r.val, r.err
}

func run() {
	s := &store{data: map[string]string{"a": "1"}}
	_, _ = s.Get("", false)
}
