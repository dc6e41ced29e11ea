// Positive: the closure variable is declared first (`var send func()`) and
// assigned once later, then started (`go send()`); the parent returns
// early before receiving. Capacity 1.
package main

import "errors"

func compute(n int) int { return n * 2 }

func double(n int) (int, error) {
	out := make(chan int)
	var send func()
	send = func() {
		out <- compute(n)
	}
	go send()
	if n < 0 {
		return 0, errors.New("negative")
	}
	return <-out, nil
}

func run() {
	_, _ = double(-1)
}
