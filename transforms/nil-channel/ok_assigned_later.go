// ok: the channel is assigned before anything can block on it for good
// (the goroutine may start first, but the send then finds a channel).
package main

func compute(x int) int {
	var results chan int
	results = make(chan int, 1)
	go func() {
		results <- x * x
	}()
	return <-results
}

func run() {
	_ = compute(3)
}
