// ok: mustTry panics, but recovers its own panic in a deferred function, so
// the call always returns and caller always reaches its receive. A `must`
// helper that recovers is not an exit; nothing leaks.
package main

func mustTry(n int) {
	defer func() { _ = recover() }()
	if n > 0 {
		panic("boom")
	}
}

func caller(n int) int {
	c := make(chan int)
	go func() {
		c <- n
	}()
	mustTry(n)
	return <-c
}

func run() {
	_ = caller(1)
	_ = caller(0)
}
