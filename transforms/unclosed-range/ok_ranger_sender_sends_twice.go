// ok (no edit): each producer sends two values for one wg.Add(1), so when
// wg.Wait() returns one value per producer may still be unsent; closing
// then could panic a producer. Reported without a fix.
package main

import "sync"

func process(items []int) {
	var wg sync.WaitGroup
	c := make(chan int, 8)
	go func() {
		for range c {
			wg.Done()
		}
	}()
	for _, it := range items {
		wg.Add(1)
		go func() {
			c <- it
			c <- -it
		}()
	}
	wg.Wait()
}

func run() {
	process([]int{1, 2, 3})
}
