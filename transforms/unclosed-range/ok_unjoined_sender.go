// The sender is a goroutine that nobody joins: run may return (and a deferred
// close would run) while it is still about to send, and a send on a closed
// channel panics. Leaks (consumer, and maybe the sender), but not safely
// fixable by `defer close`.
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
