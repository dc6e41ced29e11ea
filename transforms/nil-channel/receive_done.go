// Positive: the goroutine waits for a stop signal on a channel nobody
// made; it never wakes. Report only.
package main

import "time"

func startTicker() {
	var stop chan struct{}
	go func() {
		<-stop
	}()
	time.Sleep(time.Millisecond)
}

func run() {
	startTicker()
}
