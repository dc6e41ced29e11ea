// Positive: the waiter is a closure variable started once; two early
// returns skip the final close. Fix: `defer close(release)` after the
// make, and the old close removed.
package main

func step(i int) bool { return i != 2 }

func pipeline() int {
	release := make(chan struct{})
	hold := func() {
		<-release
	}
	go hold()
	if !step(1) {
		return 1
	}
	if !step(2) {
		return 2
	}
	close(release)
	return 0
}

func run() {
	_ = pipeline()
}
