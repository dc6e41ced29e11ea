// ok (leaks, not safely fixable): a backward goto runs the senders again
// after the Wait, so a close after the first Wait would make the second
// round send on a closed channel.
package main

import "sync"

func fetchAll(ids []int, rounds int) {
	results := make(chan int)
	go func() {
		for r := range results {
			_ = r
		}
	}()
	var wg sync.WaitGroup
	round := 0
retry:
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- id * 2
		}()
	}
	wg.Wait()
	if round++; round < rounds {
		goto retry
	}
}

func run() {
	fetchAll([]int{1, 2}, 2)
}
