// OK: the closure variable is handed to the spawning method and also
// called in the parent, whose own send blocks until the goroutine's value
// is received: the sends are not one per goroutine, nothing is counted.
package main

type pool struct{}

func (p *pool) spawn(f func()) {
	go f()
}

func mixed(p *pool) int {
	out := make(chan int, 1)
	send := func() {
		out <- 1
	}
	p.spawn(send)
	send()
	return <-out + <-out
}

func run() {
	_ = mixed(&pool{})
}
