// Positive (report only): the goroutine's literal hands the never-made
// channel to a helper that receives from it: a receive from a nil channel
// blocks forever.
package main

import "time"

func awaitReady(ready chan struct{}) {
	<-ready
}

func boot() {
	var ready chan struct{}
	go func() {
		awaitReady(ready)
	}()
	time.Sleep(time.Millisecond)
}

func run() {
	boot()
}
