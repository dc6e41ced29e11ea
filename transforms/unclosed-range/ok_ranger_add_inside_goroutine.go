// ok (no edit): the producers call wg.Add(1) themselves, so wg.Wait() can
// return before a producer has even added its item; closing after it could
// make that producer's send panic. Reported without a fix.
package main

import "sync"

func process(items []int) {
	var wg sync.WaitGroup
	c := make(chan int)
	go func() {
		for range c {
			wg.Done()
		}
	}()
	for _, it := range items {
		go func() {
			wg.Add(1)
			c <- it
		}()
	}
	wg.Wait()
}

func run() {
	process(nil)
}
