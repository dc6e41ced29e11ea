// OK: the closure handed twice to the spawner first waits on a WaitGroup
// the function never releases: both goroutines block there, and a buffer
// would free neither (reported without a fix).
package main

import (
	"errors"
	"sync"
	"time"
)

type pool struct{}

func (p *pool) spawn(f func()) {
	go f()
}

func fetch() error { return nil }

func firstOrTimeout(p *pool) error {
	var ready sync.WaitGroup
	ready.Add(1)
	errc := make(chan error)
	get := func() {
		ready.Wait()
		errc <- fetch()
	}
	p.spawn(get)
	p.spawn(get)
	select {
	case err := <-errc:
		return err
	case <-time.After(10 * time.Millisecond):
		return errors.New("timeout")
	}
}

func run() {
	_ = firstOrTimeout(&pool{})
}
