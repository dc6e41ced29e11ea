// Not fixed: the pool closes p.done once every worker returned
// (wg.Wait()); the caller waits on it beside the answer, and a buffer would
// let the workers return before the answer is taken.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

type request struct {
	key   string
	reply chan string
}

type pool struct {
	reqs chan request
	done chan struct{}
}

var errClosed = errors.New("pool closed")

func (p *pool) worker() {
	for req := range p.reqs {
		req.reply <- "v:" + req.key
	}
}

func newPool(n int) *pool {
	p := &pool{reqs: make(chan request), done: make(chan struct{})}
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.worker()
		}()
	}
	go func() {
		wg.Wait()
		close(p.done)
	}()
	return p
}

func (p *pool) Get(key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	p.reqs <- req
	time.Sleep(time.Millisecond)
	select {
	case v := <-req.reply:
		return v, nil
	case <-p.done:
		return "", errClosed
	}
}

func run() {
	lost := 0
	for i := 0; i < 50; i++ {
		p := newPool(1)
		res := make(chan error, 1)
		go func() {
			_, err := p.Get("a")
			res <- err
		}()
		time.Sleep(200 * time.Microsecond)
		close(p.reqs)
		if <-res != nil {
			lost++
		}
	}
	fmt.Printf("answered requests reported as closed: %d/50\n", lost)
}
