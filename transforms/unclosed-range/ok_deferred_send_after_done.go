// ok (leaks, not safely fixable): each producer sends from a deferred
// function registered before `defer wg.Done()`, so the send runs after Done.
// Wait can return while sends are still coming; closing the channel then
// would make them panic.
package main

import (
	"sync"
	"time"
)

func fanIn(xs []int) {
	c := make(chan int)
	var wg sync.WaitGroup
	go func() {
		for v := range c {
			_ = v
		}
	}()
	for _, x := range xs {
		wg.Add(1)
		go func() {
			defer func() {
				time.Sleep(time.Millisecond)
				c <- x
			}()
			defer wg.Done()
		}()
	}
	wg.Wait()
}

func run() {
	fanIn([]int{1, 2, 3})
}
