// Positive, unsafe fix: the helper's `return` lets the goroutine go on
// past its call (`names.Store(id, u)`, even on the error path), where it used
// to block: graded unsafe. (From the 2026-12-04 review, where it was
// wrongly graded safe.)
package main

import (
	"errors"
	"sync"
	"time"
)

type user struct{ name string }

var names sync.Map

func find(id int) (*user, error) {
	if id < 0 {
		return nil, errors.New("bad id")
	}
	return &user{name: "ann"}, nil
}

func reply(c chan error, err error) {
	if err != nil {
		c <- err
	}
	c <- nil
}

func lookup(id int) error {
	c := make(chan error)
	go func() {
		u, err := find(id)
		reply(c, err)
		names.Store(id, u)
	}()
	return <-c
}

func run() {
	_ = lookup(-1)
	time.Sleep(10 * time.Millisecond)
}
