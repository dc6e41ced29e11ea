// Positive: the seed document's channel-iteration example, made
// compilable. Each item's goroutine sends once; wg.Add(1) counts it before
// it starts; another goroutine ranges over the channel and calls
// wg.Done() per item received. When wg.Wait() returns every item has been
// received, but nothing closes the channel, so the ranging goroutine
// blocks forever. Fix: close(c) right after the Wait.
package main

import (
	"fmt"
	"sync"
)

func Example(items []int) {
	wg := &sync.WaitGroup{}
	c := make(chan any, 1)

	for _, i := range items {
		wg.Add(1)
		go func() {
			c <- i
		}()
	}

	go func() {
		for data := range c {
			_ = fmt.Sprint(data)
			wg.Done()
		}
	}()

	wg.Wait()
}

func run() {
	Example([]int{1, 2, 3})
}
