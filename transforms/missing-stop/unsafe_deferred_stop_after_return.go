// Positive, unsafe fix: the pool's `defer p.Stop()` is registered only after
// an early return, which then leaves with the worker still running. The
// fix moves the deferred stop up to the line after the start. (From the
// 2026-12-04 blind probe.)
package main

import "time"

type Pool struct{ quit chan struct{} }

func (p *Pool) Start() { go p.worker() }
func (p *Pool) Stop()  { close(p.quit) }
func (p *Pool) worker() {
	for {
		select {
		case <-time.After(time.Millisecond): // run queued jobs
		case <-p.quit:
			return
		}
	}
}
func processFile(name string) bool {
	p := &Pool{quit: make(chan struct{})}
	p.Start()
	if name == "" {
		return false
	}
	defer p.Stop()
	return true
}
func run() { _ = processFile(""); time.Sleep(20 * time.Millisecond) }
