// ok: the closure holding the select is called in a loop that only stops
// once a value came through: every path receives the worker's one send. No
// finding.
package main

import "time"

func produce() int {
	time.Sleep(5 * time.Millisecond)
	return 7
}

func poll() int {
	c := make(chan int)
	go func() {
		c <- produce()
	}()
	try := func() (int, bool) {
		select {
		case v := <-c:
			return v, true
		case <-time.After(time.Millisecond):
			return 0, false
		}
	}
	for {
		if v, ok := try(); ok {
			return v
		}
	}
}

func run() {
	_ = poll()
}
