// Reported without a fix: the early return skips Stop, but Stop is not
// the function's last statement (a deferred Stop would run after the
// report instead of before it).
package main

import "fmt"

type pump struct {
	in   chan int
	stop chan struct{}
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

func (p *pump) Stop() { close(p.stop) }

func feed(vals []int) {
	p := &pump{in: make(chan int), stop: make(chan struct{})}
	p.Run()
	if len(vals) == 0 {
		return
	}
	for _, v := range vals {
		p.in <- v
	}
	p.Stop()
	fmt.Println("fed", len(vals))
}

func run() {
	feed(nil)
}
