// ok (reported, no fix): each goroutine calls a method that may raise the
// loop's bound (`p.work(i)` sets `p.workers`): a method on the struct that
// is not read-only, called in the loop or its goroutines, may change the count.
package main

import (
	"errors"
	"fmt"
)

type pool struct {
	workers int
}

func (p *pool) work(i int) error {
	if i == 0 {
		p.workers = 4
		return errors.New("overloaded, scaling up")
	}
	return nil
}

func (p *pool) runAll() error {
	res := make(chan error)
	for i := 0; i < p.workers; i++ {
		go func(i int) {
			res <- p.work(i)
		}(i)
		spin := 0
		for j := 0; j < 20000000; j++ {
			spin += j
		}
		_ = spin
	}
	for range 2 {
		if err := <-res; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	p := &pool{workers: 2}
	fmt.Println(p.runAll())
}
