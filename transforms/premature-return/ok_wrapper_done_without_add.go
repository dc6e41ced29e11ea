// ok (no edit): the wrapper defers `wg.Done()` around the call but never
// adds to the WaitGroup itself, and nothing else does: the goroutine,
// blocked on its send, never reaches `Done`. With a buffer it would, and
// `Done` on a WaitGroup at zero panics: the fix would turn the leak into a
// crash. A wrapper's `Done` counts as quiet only after its own `wg.Add(1)`.
package main

import (
	"errors"
	"sync"
	"time"
)

func spawn(wg *sync.WaitGroup, f func()) {
	go func() {
		defer wg.Done()
		f()
	}()
}

func probe(host string) error {
	time.Sleep(5 * time.Millisecond)
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
	time.Sleep(20 * time.Millisecond)
}
