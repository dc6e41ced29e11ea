// Positive: a `return` in a switch case skips the final close. Fix:
// `defer close(done)` after the make, and the old close removed.
package main

func handle(kind string) int {
	done := make(chan struct{})
	go func() {
		<-done
	}()
	switch kind {
	case "skip":
		return 0
	case "":
		return -1
	}
	close(done)
	return 1
}

func run() {
	_ = handle("skip")
}
