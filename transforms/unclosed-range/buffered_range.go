// The queue is buffered (capacity 10) but that does not help: the drainer
// goroutine ranges over it and, once the buffer is empty, waits forever
// because run never closes the queue.
package main

import "math"

func run() {
	queue := make(chan float64, 10)
	go func() {
		for x := range queue {
			_ = math.Sqrt(x)
		}
	}()

	queue <- 1
	queue <- 4
	queue <- 9
}
