// Positive: the parent closes the channel after receiving its one value;
// the early return before the receive leaves the sender blocked. The close
// comes after the receive on every path reaching it, so the send is done
// by then, buffer or not.
package main

import "errors"

func compute(n int) int { return n * 2 }

func double(n int, strict bool) (int, error) {
	out := make(chan int)
	go func() {
		out <- compute(n)
	}()
	if strict && n < 0 {
		return 0, errors.New("negative")
	}
	v := <-out
	close(out)
	return v, nil
}

func run() {
	_, _ = double(-1, true)
}
