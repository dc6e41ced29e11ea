// ok (no edit): the consumer skips wg.Done() for some items with
// `continue`, so the Wait does not count every item received. Reported
// without a fix.
package main

import "sync"

func process(items []int) {
	var wg sync.WaitGroup
	c := make(chan int)
	go func() {
		for v := range c {
			if v == 0 {
				continue
			}
			wg.Done()
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
