// Positive: the goroutine first waits for the parent's go-ahead (`<-start`),
// which the parent gives before any way out; it then sends once, and the
// parent's early return leaves it blocked on that send. The gate does not
// keep the buffer from freeing it.
package main

import "errors"

func compute(n int) int { return n * n }

func square(n int) (int, error) {
	start := make(chan struct{})
	res := make(chan int)
	go func() {
		<-start
		res <- compute(n)
	}()
	close(start)
	if n < 0 {
		return 0, errors.New("negative")
	}
	return <-res, nil
}

func run() {
	_, _ = square(-1)
}
