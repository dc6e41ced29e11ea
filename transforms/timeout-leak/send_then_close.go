// Positive: the producer sends one value and then closes the channel. Closing
// does not help here: on timeout nobody receives, so the producer blocks on the
// send and never reaches close. A buffer of 1 lets the send and close complete.
package main

import (
	"strconv"
	"time"
)

func parseSlow(s string) int {
	time.Sleep(2 * time.Millisecond)
	n, _ := strconv.Atoi(s)
	return n
}

func parseWithin(s string, d time.Duration) (int, bool) {
	vals := make(chan int)
	go func() {
		defer close(vals)
		vals <- parseSlow(s)
	}()
	select {
	case v, ok := <-vals:
		return v, ok
	case <-time.After(d):
		return 0, false
	}
}

func run() {
	_, _ = parseWithin("42", time.Millisecond)
}
