// Positive: the worker sends its result and then calls wg.Done() itself (not
// deferred). A buffer lets it reach Done where it now blocks, which only
// tells the WaitGroup it finished: the fix stays safe.
package main

import (
	"sync"
	"time"
)

func work(n int) int {
	time.Sleep(20 * time.Millisecond)
	return n + 1
}

func within(n int, d time.Duration, wg *sync.WaitGroup) (int, bool) {
	res := make(chan int)
	wg.Add(1)
	go func() {
		res <- work(n)
		wg.Done()
	}()
	select {
	case v := <-res:
		return v, true
	case <-time.After(d):
		return 0, false
	}
}

func run() {
	var wg sync.WaitGroup
	_, _ = within(1, time.Millisecond, &wg)
}
