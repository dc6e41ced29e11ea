// OK: the closure variable is handed twice to the spawning method and the
// parent receives both values.
package main

type pool struct{}

func (p *pool) spawn(f func()) {
	go f()
}

func both(p *pool, v int) int {
	out := make(chan int)
	send := func() {
		out <- v
	}
	p.spawn(send)
	p.spawn(send)
	return <-out + <-out
}

func run() {
	_ = both(&pool{}, 2)
}
