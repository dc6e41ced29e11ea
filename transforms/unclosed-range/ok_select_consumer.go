// The consumer uses for/select with a quit channel instead of ranging over the
// data channel; run closes quit on return. Nothing ranges over an unclosed
// channel, so this transform does not apply. No leak.
package main

import "time"

func run() {
	data := make(chan string)
	quit := make(chan struct{})
	defer close(quit)
	go func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case d := <-data:
				_ = d
			case <-tick.C:
			case <-quit:
				return
			}
		}
	}()
	data <- "x"
	data <- "y"
}
