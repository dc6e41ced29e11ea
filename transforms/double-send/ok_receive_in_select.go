// ok (no edit from this shape): the parent's receive is a select with a
// timeout; a leak there is timeout-leak's, and a `return` would not make
// the first send safe.
package main

import "time"

func fetch(key string) string {
	c := make(chan string)
	go func() {
		if key == "" {
			c <- "default"
		}
		c <- key
	}()
	select {
	case v := <-c:
		return v
	case <-time.After(time.Second):
		return ""
	}
}

func run() {
	_ = fetch("k")
}
