// The channel is stored in a struct field (`&pool{jobs: jobs}`) and the pool's
// Stop method closes it later. The range is over a locally made channel, but
// it escapes, so leakfix must not close it. No leak.
package main

import "sync"

type pool struct {
	jobs chan int
	wg   sync.WaitGroup
}

func newPool(n int) *pool {
	jobs := make(chan int)
	p := &pool{jobs: jobs}
	for range n {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for j := range jobs {
				_ = j * j
			}
		}()
	}
	return p
}

func (p *pool) Submit(j int) { p.jobs <- j }

func (p *pool) Stop() {
	close(p.jobs)
	p.wg.Wait()
}

func run() {
	p := newPool(2)
	p.Submit(1)
	p.Submit(2)
	p.Stop()
}
