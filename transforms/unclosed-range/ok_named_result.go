// ok (leaks, not fixable here): the channel is a named result, and the bare
// `return` hands it to the caller, which keeps sending on it. Closing it when
// start returns would make the caller's sends panic.
package main

func consume(c <-chan int) {
	for v := range c {
		_ = v
	}
}

func start(first int) (in chan int) {
	in = make(chan int)
	go consume(in)
	in <- first
	return
}

func run() {
	in := start(0)
	in <- 1
	in <- 2
}
