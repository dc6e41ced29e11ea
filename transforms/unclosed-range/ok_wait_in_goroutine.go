// The WaitGroup is waited on, but inside another goroutine, not on run's own
// path to return: run can return while producers are still sending, so a
// deferred close could panic. Leaks; no edit.
package main

import (
	"sync"
	"sync/atomic"
)

func run() {
	var finished atomic.Bool
	temps := make(chan float64)
	go func() {
		for t := range temps {
			_ = t * 1.8
		}
	}()

	var wg sync.WaitGroup
	for _, c := range []float64{20.5, 21, 19.75} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			temps <- c
		}()
	}
	go func() {
		wg.Wait()
		finished.Store(true)
	}()
}
