// Not a leak: the closure handed to wg.Go sends once, and the parent
// receives before any return.
package main

import (
	"errors"
	"sync"
)

func compute(n int) int { return n * n }

func square(n int) (int, error) {
	var wg sync.WaitGroup
	results := make(chan int)
	work := func() {
		results <- compute(n)
	}
	wg.Go(work)
	r := <-results
	wg.Wait()
	if n < 0 {
		return 0, errors.New("negative")
	}
	return r, nil
}

func run() {
	_, _ = square(-1)
	_, _ = square(3)
}
