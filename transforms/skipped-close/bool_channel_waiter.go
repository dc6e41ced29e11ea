// Positive: a `chan bool` used only as a signal: the goroutine waits for
// it, the function closes it last, and the early return skips the close.
// Fix: `defer close(sig)` after the make, and the old close removed.
package main

func ready(n int) bool { return n > 0 }

func signal(n int) {
	sig := make(chan bool)
	go func() {
		<-sig
	}()
	if !ready(n) {
		return
	}
	close(sig)
}

func run() {
	signal(0)
}
