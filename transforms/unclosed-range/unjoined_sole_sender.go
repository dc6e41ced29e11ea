// Positive: the sender is a goroutine that nobody joins, so a deferred close
// in run could meet its send (a send on a closed channel panics). But it is
// the only sender: `defer close(squares)` at the top of its own body closes
// the channel after its one send, and the consumer's range ends.
package main

import "strconv"

func compute(n int) string {
	return strconv.Itoa(n * n)
}

func run() {
	squares := make(chan string)
	go func() {
		for s := range squares {
			_ = s
		}
	}()

	go func() {
		squares <- compute(7)
	}()
}
