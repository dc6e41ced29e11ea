// Positive: Stop is followed only by a return without calls; the error
// return before it skips it. Fix (unsafe): `defer p.Stop()` after the
// start, and the old call removed.
package main

import "errors"

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

var errEmpty = errors.New("empty")

func feed(vals []int) error {
	p := &pump{in: make(chan int), stop: make(chan struct{})}
	p.Run()
	if len(vals) == 0 {
		return errEmpty
	}
	for _, v := range vals {
		p.in <- v
	}
	p.Stop()
	return nil
}

func run() {
	_ = feed(nil)
}
