// ok (no finding): the worker waits for the parent's go-ahead before it
// sends. The early return skips the go-ahead too, so on that path the
// worker blocks on `<-begin`, not on its send: a buffer on `result` would
// change nothing. (It leaks; leakfix does not claim the wrong cause.)
package main

import "errors"

type engine struct{ begin chan struct{} }

func (e *engine) wait() { <-e.begin }

func compute(e *engine, n int) (int, error) {
	result := make(chan int)
	go func() {
		e.wait()
		result <- n * n
	}()
	if n < 0 {
		return 0, errors.New("negative")
	}
	e.begin <- struct{}{}
	return <-result, nil
}

func run() {
	_, _ = compute(&engine{begin: make(chan struct{})}, -1)
}
