// Positive: the worker sends its result and then calls wg.Done() itself (not
// deferred). The WaitGroup is local and only the parent waits on it, after
// receiving: a buffer lets the worker reach Done where it now blocks, which
// wakes nobody else, so the fix stays safe.
package main

import (
	"sync"
	"time"
)

func work(n int) int {
	time.Sleep(20 * time.Millisecond)
	return n + 1
}

func within(n int, d time.Duration) (int, bool) {
	var wg sync.WaitGroup
	res := make(chan int)
	wg.Add(1)
	go func() {
		res <- work(n)
		wg.Done()
	}()
	select {
	case v := <-res:
		wg.Wait()
		return v, true
	case <-time.After(d):
		return 0, false
	}
}

func run() {
	_, _ = within(1, time.Millisecond)
}
