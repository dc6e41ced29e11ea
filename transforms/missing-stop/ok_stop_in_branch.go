// ok (not reported): Stop is called inside a branch, not at the
// function's top level; leakfix does not reason about which paths reach it
// and reports nothing.
package main

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

func feed(vals []int, stopNow bool) {
	p := &pump{in: make(chan int), stop: make(chan struct{})}
	p.Run()
	for _, v := range vals {
		p.in <- v
	}
	if stopNow {
		p.Stop()
		return
	}
	p.Stop()
}

func run() {
	feed([]int{1}, true)
}
