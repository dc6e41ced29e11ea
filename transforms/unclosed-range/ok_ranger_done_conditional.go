// ok (no edit): the consumer marks an item done only when it is valid, so
// wg.Wait() may return with items still in flight... or never; the counts
// do not show that every send is complete. Reported without a fix.
package main

import "sync"

func process(items []int) {
	var wg sync.WaitGroup
	c := make(chan int)
	go func() {
		for v := range c {
			if v > 0 {
				wg.Done()
			}
		}
	}()
	for _, it := range items {
		wg.Add(1)
		go func() {
			c <- it
		}()
	}
	wg.Wait()
}

func run() {
	process([]int{1, 2, 3})
}
