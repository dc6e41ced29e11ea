// ok: the helper polls in a loop until the value arrives (the timeout case
// only logs and goes round again), so the parent always receives the one
// send. No finding.
package main

import "time"

func waitFor(c <-chan int) int {
	for {
		select {
		case v := <-c:
			return v
		case <-time.After(time.Millisecond):
		}
	}
}

func slowValue() int {
	time.Sleep(3 * time.Millisecond)
	return 9
}

func get() int {
	c := make(chan int)
	go func() {
		c <- slowValue()
	}()
	return waitFor(c)
}

func run() {
	_ = get()
}
