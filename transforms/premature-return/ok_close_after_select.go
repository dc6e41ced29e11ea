// Not fixed: the parent receives in a select that can time out and go on
// to the close; the sender may still send after the close (a panic a buffer
// could not prevent). leakfix leaves it.
package main

import "time"

func slow() int {
	time.Sleep(time.Millisecond)
	return 1
}

func poll(limit time.Duration) int {
	out := make(chan int)
	go func() {
		out <- slow()
	}()
	v := -1
	select {
	case v = <-out:
	case <-time.After(limit):
	}
	close(out)
	return v
}

func run() {
	_ = poll(time.Second)
}
