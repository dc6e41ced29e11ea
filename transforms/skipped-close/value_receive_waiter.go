// Positive: the goroutine waits with `_, ok := <-done` (a receive that
// only a close ends, as nothing sends); an early return skips the close.
// Fix: `defer close(done)` after the make, and the old close removed.
package main

func load(name string) bool { return name != "" }

func open(name string) bool {
	done := make(chan struct{})
	go func() {
		_, ok := <-done
		_ = ok
	}()
	if !load(name) {
		return false
	}
	close(done)
	return true
}

func run() {
	_ = open("")
}
