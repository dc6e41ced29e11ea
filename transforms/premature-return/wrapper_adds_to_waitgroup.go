// Positive: `spawn` is a function wrapper that counts the goroutine it
// starts on the caller's WaitGroup (`wg.Add(1)`, then `defer wg.Done()`
// around the call). The checker returns on a bad config before it
// receives the result, and the goroutine blocks forever on its send.
package main

import (
	"errors"
	"sync"
	"time"
)

func spawn(wg *sync.WaitGroup, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		f()
	}()
}

func probe(host string) error {
	time.Sleep(10 * time.Millisecond)
	if host == "" {
		return errors.New("no host")
	}
	return nil
}

func check(wg *sync.WaitGroup, host string, strict bool) error {
	result := make(chan error)
	spawn(wg, func() {
		result <- probe(host)
	})
	if strict {
		return errors.New("strict mode needs a config")
	}
	return <-result
}

func run() {
	var wg sync.WaitGroup
	_ = check(&wg, "db", true)
	time.Sleep(50 * time.Millisecond)
}
