// Positive: pointer receivers and `&T{...}`; the loop ends only when Stop
// closes quit. Fix (unsafe): `defer p.Stop()`.
package main

import "time"

type poller struct {
	quit chan struct{}
	n    int
}

func (p *poller) Start() {
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				p.n++
			case <-p.quit:
				return
			}
		}
	}()
}

func (p *poller) Stop() {
	close(p.quit)
}

func poll() {
	p := &poller{quit: make(chan struct{})}
	p.Start()
	time.Sleep(2 * time.Millisecond)
}

func run() {
	poll()
}
