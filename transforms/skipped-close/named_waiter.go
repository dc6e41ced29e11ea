// Positive: the waiting goroutine is a function of the package started
// with the channel (`go watch(quit)`); an early return skips the final
// close. Fix: `defer close(quit)` after the make, and the old close
// removed.
package main

func watch(quit chan bool) {
	<-quit
}

func monitor(ok bool) int {
	quit := make(chan bool)
	go watch(quit)
	if !ok {
		return -1
	}
	close(quit)
	return 0
}

func run() {
	_ = monitor(false)
}
