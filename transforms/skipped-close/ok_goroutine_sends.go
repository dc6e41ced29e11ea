// ok (no edit): another goroutine sends on the channel; a deferred close
// could run while it still sends and make it panic.
package main

import "errors"

func serve(fail bool) error {
	c := make(chan int)
	go func() {
		for range c {
		}
	}()
	go func() {
		c <- 1
	}()
	if fail {
		return errors.New("setup failed")
	}
	close(c)
	return nil
}

func run() {
	_ = serve(false)
}
