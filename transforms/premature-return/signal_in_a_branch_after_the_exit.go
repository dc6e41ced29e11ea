// Positive: the parent's signal on another channel after the early return
// is in a branch (`if n > 100`), so the path to the receive does not
// surely give it, and the sender does not wait for it anyway (a comment
// naming `events` in the sender does not count either): the return
// leaves the sender blocked on `result`.
package main

import "errors"

type engine struct {
	events chan string
}

func (e *engine) square(n int) int { return n * n }

func compute(e *engine, n int) (int, error) {
	result := make(chan int)
	go func() {
		// events is the engine's business, not this goroutine's.
		result <- e.square(n)
	}()
	if n < 0 {
		return 0, errors.New("negative")
	}
	if n > 100 {
		e.events <- "big"
	}
	return <-result, nil
}

func run() {
	_, _ = compute(&engine{events: make(chan string, 1)}, -1)
}
