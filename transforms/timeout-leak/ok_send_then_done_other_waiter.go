// ok (leaks, fix graded unsafe): after its send the worker calls wg.Done(),
// and another goroutine waits on that WaitGroup and then records that every
// result was delivered. A buffer would wake that waiter on the timeout path,
// where the result was dropped: a change beyond ending the blocked sender.
package main

import (
	"sync"
	"time"
)

var delivered = make(chan string, 16)

func within(n int, d time.Duration) (int, bool) {
	var wg sync.WaitGroup
	res := make(chan int)
	wg.Add(1)
	go func() {
		time.Sleep(20 * time.Millisecond)
		res <- n + 1
		wg.Done()
	}()
	go func() {
		wg.Wait()
		delivered <- "all results delivered"
	}()
	select {
	case v := <-res:
		return v, true
	case <-time.After(d):
		return 0, false
	}
}

func run() {
	_, _ = within(1, time.Millisecond)
}
