// ok (no leak): the select's other cases wait on a nil channel (declared,
// never assigned) and on the Done channel of context.Background(), which is
// nil too. Neither can fire, so the select always receives the result.
package main

import "context"

func square(x int) int {
	ctx := context.Background()
	c := make(chan int)
	var never chan int
	go func() {
		c <- x * x
	}()
	select {
	case v := <-c:
		return v
	case <-never:
		return -1
	case <-ctx.Done():
		return -2
	}
}

func run() {
	_ = square(3)
}
