// Reported without a fix: an early return skips close(jobs), and the
// workers ranging over jobs block forever; but the close is followed by
// wg.Wait(), which waits for those workers: a deferred close would run
// after the wait, and the function would wait forever instead.
package main

import (
	"errors"
	"sync"
)

func process(items []int, workers int) error {
	jobs := make(chan int)
	var wg sync.WaitGroup
	wg.Add(workers)
	for i := 0; i < workers; i++ {
		go func() {
			defer wg.Done()
			for j := range jobs {
				_ = j * 2
			}
		}()
	}
	for _, it := range items {
		if it < 0 {
			return errors.New("negative item")
		}
		jobs <- it
	}
	close(jobs)
	wg.Wait()
	return nil
}

func run() {
	_ = process([]int{1, -1, 2}, 2)
}
