// Positive: the channel is declared with `var`; the goroutine ranges over
// it and the function sends two values, returning early between them on
// a failed check. Fix: `defer close(events)` after the declaration, and
// the old close removed.
package main

func valid(s string) bool { return s != "" }

func emit(a, b string) {
	var events = make(chan string)
	go func() {
		for e := range events {
			_ = e
		}
	}()
	events <- a
	if !valid(b) {
		return
	}
	events <- b
	close(events)
}

func run() {
	emit("a", "")
}
