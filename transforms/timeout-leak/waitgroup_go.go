// Positive: the sender is started by sync.WaitGroup.Go (Go 1.25). The parent
// waits for the result or the deadline; when the deadline wins it returns,
// and the goroutine blocks forever on its send (wg.Wait is never reached).
package main

import (
	"sync"
	"time"
)

func slowSquare(n int) int {
	time.Sleep(20 * time.Millisecond)
	return n * n
}

func squareWithin(n int, d time.Duration) (int, bool) {
	var wg sync.WaitGroup
	res := make(chan int)
	wg.Go(func() {
		res <- slowSquare(n)
	})
	select {
	case v := <-res:
		wg.Wait()
		return v, true
	case <-time.After(d):
		return 0, false
	}
}

func run() {
	_, _ = squareWithin(3, time.Millisecond)
}
