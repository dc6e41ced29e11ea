// Reported without a fix: the early return skips Close, but Close takes an
// argument, which a `defer` would evaluate at the start instead of at the
// end.
package main

import "time"

type pump struct {
	in   chan int
	stop chan struct{}
	took time.Duration
}

func (p *pump) Run() {
	go func() {
		for {
			select {
			case <-p.in:
			case <-p.stop:
				return
			}
		}
	}()
}

func (p *pump) Close(began time.Time) {
	p.took = time.Since(began)
	close(p.stop)
}

func feed(vals []int) {
	began := time.Now()
	p := &pump{in: make(chan int), stop: make(chan struct{})}
	p.Run()
	if len(vals) == 0 {
		return
	}
	for _, v := range vals {
		p.in <- v
	}
	p.Close(began)
}

func run() {
	feed(nil)
}
