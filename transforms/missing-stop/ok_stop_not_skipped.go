// ok (not reported): nothing between the start and the stop can leave the
// function (the loop's break only leaves the loop), so Stop always runs.
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
	for _, v := range vals {
		if v < 0 {
			break
		}
		p.in <- v
	}
	p.Stop()
}

func run() {
	feed([]int{1, -1, 2})
}
