// Positive: the parent waits for the worker's result in a closure it calls
// once (`wait := func() ... select ...`, then `return wait()`); when the
// timeout wins, nothing receives from c and the worker's send blocks
// forever. Capacity 1 lets it send and end.
package main

import (
	"errors"
	"time"
)

func compute() int {
	time.Sleep(20 * time.Millisecond)
	return 42
}

func fetch(timeout time.Duration) (int, error) {
	c := make(chan int)
	go func() {
		c <- compute()
	}()
	wait := func() (int, error) {
		select {
		case v := <-c:
			return v, nil
		case <-time.After(timeout):
			return 0, errors.New("timed out")
		}
	}
	return wait()
}

func run() {
	_, _ = fetch(time.Millisecond)
}
