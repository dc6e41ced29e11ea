// ok (no finding): the closure is started by `go emit(n)` and also
// called inside another goroutine. It does leak, but a closure used both
// ways is not followed (its body runs under two different starts), so
// leakfix leaves it alone rather than guess.
package main

func results(n int) int {
	out := make(chan int)
	emit := func(v int) {
		out <- v
	}
	go emit(n)
	go func() {
		emit(n + 1)
	}()
	return <-out
}

func run() {
	defer func() { _ = recover() }()
	_ = results(1)
}
