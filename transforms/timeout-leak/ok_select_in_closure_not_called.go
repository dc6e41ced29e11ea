// ok: the closure holding the select is handed to another function, which
// may call it any number of times: leakfix cannot see where it receives, so
// it makes no finding.
package main

import "time"

func retry(f func() bool) {
	for !f() {
	}
}

func slow() int {
	time.Sleep(3 * time.Millisecond)
	return 1
}

func await() {
	c := make(chan int)
	go func() {
		c <- slow()
	}()
	retry(func() bool {
		select {
		case <-c:
			return true
		case <-time.After(time.Millisecond):
			return false
		}
	})
}

func run() {
	await()
}
