// Positive: a closure variable handed to a method of the file that is a
// wrapper (`s.spawn(fetch)`, its body `go task()`). The parent returns
// early on an empty key, and the goroutine blocks on its send.
package main

import (
	"errors"
	"time"
)

type supervisor struct{ n int }

func (s *supervisor) spawn(task func()) {
	go task()
}

func (s *supervisor) get(key string) (string, error) {
	res := make(chan string)
	fetch := func() {
		time.Sleep(time.Millisecond)
		res <- "v:" + key
	}
	s.spawn(fetch)
	if key == "" {
		return "", errors.New("empty")
	}
	return <-res, nil
}

func run() {
	s := &supervisor{}
	_, _ = s.get("")
}
