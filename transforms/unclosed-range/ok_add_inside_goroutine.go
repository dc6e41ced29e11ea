// ok (leaks, not safely fixable): the WaitGroup's Add runs inside the
// goroutine, possibly after Wait has already returned, so a close after the
// Wait could race the send and panic.
package main

import (
	"sync"
	"time"
)

func fanIn(ids []int) {
	results := make(chan int)
	go func() {
		for r := range results {
			_ = r
		}
	}()
	var wg sync.WaitGroup
	for _, id := range ids {
		go func() {
			time.Sleep(time.Millisecond)
			wg.Add(1)
			defer wg.Done()
			results <- id
		}()
	}
	wg.Wait()
}

func run() {
	fanIn([]int{1, 2})
	time.Sleep(5 * time.Millisecond)
}
