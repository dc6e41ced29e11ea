// Reported without a fix: the early return skips Stop, but a `defer`
// registered after the start would then run before the stop, where it ran
// after it.
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
	defer fmt.Println("fed")
	if len(vals) == 0 {
		return
	}
	for _, v := range vals {
		p.in <- v
	}
	p.Stop()
}

func run() {
	feed(nil)
}
