// ok (leaks, not safely fixable): besides the ranging goroutine, the
// function drains the channel itself with a non-blocking receive. After a
// close that drain would see an endless stream of zero values.
package main

import "sync"

func collect(ids []int) int {
	results := make(chan int, len(ids))
	go func() {
		for r := range results {
			_ = r
		}
	}()
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- id
		}()
	}
	wg.Wait()
	left := 0
	for {
		select {
		case <-results:
			left++
		default:
			return left
		}
	}
}

func run() {
	_ = collect([]int{1, 2, 3})
}
