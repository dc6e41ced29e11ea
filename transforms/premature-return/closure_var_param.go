// Positive: a closure variable that takes the channel as its parameter,
// `send := func(out chan<- int) {...}` then `go send(done)`. The parent gives
// up on a cancelled request before receiving.
package main

import "context"

func compute(ctx context.Context, n int) int {
	done := make(chan int)
	send := func(out chan<- int) {
		out <- n * n
	}
	go send(done)
	if ctx.Err() != nil {
		return -1
	}
	return <-done
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_ = compute(ctx, 7)
}
