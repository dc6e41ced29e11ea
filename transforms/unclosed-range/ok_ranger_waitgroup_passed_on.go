// ok (no edit): the WaitGroup is also handed to a helper, which may add to
// it or mark it done: the counts are not all in view. Reported without a
// fix.
package main

import "sync"

func audit(wg *sync.WaitGroup) { _ = wg }

func process(items []int) {
	var wg sync.WaitGroup
	c := make(chan int)
	go func() {
		for range c {
			wg.Done()
		}
	}()
	for _, it := range items {
		wg.Add(1)
		go func() {
			c <- it
		}()
	}
	audit(&wg)
	wg.Wait()
}

func run() {
	process([]int{1, 2, 3})
}
