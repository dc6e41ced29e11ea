// Positive: the goroutine runs a closure variable that sends on a channel
// declared but never made. Report only.
package main

func publish(msg string) {
	var out chan string
	send := func() {
		out <- msg
	}
	go send()
}

func run() {
	publish("hello")
}
