// Positive: `spawn` is a function wrapper that counts the goroutine it
// starts on the caller's WaitGroup (`wg.Add(1)`, then `defer wg.Done()`
// around the call). The checker returns on a bad config before it
// receives the result, and the goroutine blocks forever on its send. The
// WaitGroup is the checker's own, waited for only by the checker itself,
// so the `Done` the buffer lets run wakes nobody else: safe.
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

func check(host string, strict bool) error {
	var wg sync.WaitGroup
	result := make(chan error)
	spawn(&wg, func() {
		result <- probe(host)
	})
	if strict {
		return errors.New("strict mode needs a config")
	}
	err := <-result
	wg.Wait()
	return err
}

func run() {
	_ = check("db", true)
	time.Sleep(50 * time.Millisecond)
}
