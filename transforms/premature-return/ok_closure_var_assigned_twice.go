// ok (no edit): the closure variable is assigned twice, so which body the
// goroutine runs depends on the path; refused.
package main

import "errors"

func compute(n int) int { return n * 2 }

func double(n int) (int, error) {
	out := make(chan int)
	var send func()
	send = func() {
		out <- compute(n)
	}
	if n > 10 {
		send = func() {}
	}
	go send()
	if n < 0 {
		return 0, errors.New("negative")
	}
	return <-out, nil
}

func run() {
	_, _ = double(1)
}
