// Positive: a closure variable handed to a wrapper whose body is `go
// task()` (`spawn(fetch)`). The function spells no `go` and hands no
// func literal to a call, so the text scan must see the closure variable
// passed as an argument to keep it. The parent returns early on an empty
// key, and the goroutine blocks on its send.
package main

import (
	"errors"
	"time"
)

type supervisor struct{ n int }

func spawn(task func()) {
	go task()
}

func (s *supervisor) get(key string) (string, error) {
	res := make(chan string)
	fetch := func() {
		time.Sleep(time.Millisecond)
		res <- "v:" + key
	}
	spawn(fetch)
	if key == "" {
		return "", errors.New("empty")
	}
	return <-res, nil
}

func run() {
	s := &supervisor{}
	_, _ = s.get("")
}
