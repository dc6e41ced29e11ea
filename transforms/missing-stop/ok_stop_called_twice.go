// ok (not reported): Stop is called twice (on the early path and at the
// end): the function stops the value on every path it leaves by.
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

func feed(vals []int) {
	p := &pump{in: make(chan int), stop: make(chan struct{})}
	p.Run()
	if len(vals) == 0 {
		p.Stop()
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
