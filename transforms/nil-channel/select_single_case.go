// Positive: a select with only the nil channel's case can never proceed.
// Report only.
package main

func relay() {
	var in chan int
	go func() {
		select {
		case v := <-in:
			_ = v
		}
	}()
}

func run() {
	relay()
}
