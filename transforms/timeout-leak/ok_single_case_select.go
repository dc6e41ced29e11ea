// ok (no leak): the select has only the result case, so it is just a blocking
// receive with extra syntax. There is no other case to leave by; the sender
// is always received.
package main

import "time"

func sum(xs []int) int {
	time.Sleep(time.Millisecond)
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func total(xs []int) int {
	totals := make(chan int)
	go func() {
		totals <- sum(xs)
	}()
	select {
	case t := <-totals:
		return t
	}
}

func run() {
	_ = total([]int{1, 2, 3})
}
