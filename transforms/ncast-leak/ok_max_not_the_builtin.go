// ok (reported, no fix): the count is a signed field (`i < p.workers`),
// which the fix would clamp with `max(p.workers, 0)`, but `max` here is
// the function's parameter: that capacity would not compile. The leak is
// reported without a capacity.
package main

import "errors"

type pool struct {
	workers int
}

func (p *pool) fetch(max int) error {
	errc := make(chan error)
	for i := 0; i < p.workers; i++ {
		go func(i int) {
			if i >= max {
				errc <- errors.New("over the limit")
				return
			}
			errc <- nil
		}(i)
	}
	for range p.workers {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	p := &pool{workers: 4}
	_ = p.fetch(1)
}
