// Reported without a fix: the early return skips the `defer p.Stop()`
// registered after it, but a `defer` between the start and it (the log
// line) runs after the stop today and would run before it if the deferred
// stop moved up.
package main

import (
	"log"
	"time"
)

type Pool struct{ quit chan struct{} }

func (p *Pool) Start() { go p.worker() }
func (p *Pool) Stop()  { close(p.quit) }
func (p *Pool) worker() {
	for {
		select {
		case <-time.After(time.Millisecond):
		case <-p.quit:
			return
		}
	}
}

func processFile(name string) bool {
	p := &Pool{quit: make(chan struct{})}
	p.Start()
	defer log.Printf("processed %q", name)
	if name == "" {
		return false
	}
	defer p.Stop()
	return true
}

func run() {
	_ = processFile("")
	time.Sleep(20 * time.Millisecond)
}
