// Positive: a consumer ranges over the channel; the function sends the
// items and closes it at the end, but returns early on a bad item, which
// skips the close and leaves the consumer ranging forever. Every send is in
// the function itself, so a deferred close cannot race one. Fix: `defer
// close(c)` after the make, and the old close removed.
package main

import "errors"

func feed(items []int) error {
	c := make(chan int)
	go func() {
		for v := range c {
			_ = v
		}
	}()
	for _, it := range items {
		if it < 0 {
			return errors.New("negative item")
		}
		c <- it
	}
	close(c)
	return nil
}

func run() {
	_ = feed([]int{1, -1, 2})
}
