// ok (no leak): the goroutine sends only when x is small, and the parent
// returns early exactly when it is not. A sender that may not send can be
// correlated with the early exit, so leakfix does not claim a leak.
package main

func halve(x int) int {
	c := make(chan int)
	go func() {
		if x <= 2 {
			c <- x / 2
		}
	}()
	if x > 2 {
		return -1
	}
	return <-c
}

func run() {
	_ = halve(5)
	_ = halve(1)
}
