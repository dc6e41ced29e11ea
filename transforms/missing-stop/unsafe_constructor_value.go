// Positive: a constructor returning the value itself, on every path.
// Fix (unsafe): `defer p.Stop()`.
package main

type pump struct {
	out  chan int
	stop chan struct{}
}

func newPump(buffered bool) pump {
	if buffered {
		return pump{out: make(chan int, 4), stop: make(chan struct{})}
	}
	return pump{out: make(chan int), stop: make(chan struct{})}
}

func (p pump) Start() {
	go func() {
		for i := 0; ; i++ {
			select {
			case p.out <- i:
			case <-p.stop:
				return
			}
		}
	}()
}

func (p pump) Stop() {
	close(p.stop)
}

func first() int {
	p := newPump(false)
	p.Start()
	return <-p.out
}

func run() {
	_ = first()
}
