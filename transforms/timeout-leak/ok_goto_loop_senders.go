// ok (leaks, not fixable with a buffer of 1): a backward goto starts three
// senders on one channel; when the timeout wins, a capacity of 1 would still
// leave two of them blocked.
package main

import "time"

func slow(i int) int {
	time.Sleep(2 * time.Millisecond)
	return i
}

func first(limit time.Duration) int {
	c := make(chan int)
	i := 0
launch:
	go func(i int) {
		c <- slow(i)
	}(i)
	i++
	if i < 3 {
		goto launch
	}
	select {
	case v := <-c:
		return v
	case <-time.After(limit):
		return -1
	}
}

func run() {
	_ = first(0)
}
