// OK: the callback variable is handed to two goroutines and also called by
// the parent itself: the parent's own send is not one goroutine's, so the
// senders are not counted, and nothing is edited.
package main

func work(name string, done func(string)) {
	done(name)
}

func gather() string {
	out := make(chan string, 1)
	report := func(s string) {
		out <- s
	}
	go work("a", report)
	go work("b", report)
	report("parent")
	return <-out + <-out + <-out
}

func run() {
	_ = gather()
}
