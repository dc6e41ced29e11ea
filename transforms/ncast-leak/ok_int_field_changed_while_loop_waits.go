// ok (reported, no fix): the loop waits on a channel (`l.grow <- 3;
// <-l.grown`) while another goroutine raises its bound: a channel
// operation in the loop body may let the field change, so no capacity.
package main

import "errors"

type loader struct {
	parallelism int
	grow        chan int
	grown       chan struct{}
}

func (l *loader) grower() {
	for n := range l.grow {
		l.parallelism += n
		l.grown <- struct{}{}
	}
}

func (l *loader) load() error {
	res := make(chan error)
	for i := 0; i < l.parallelism; i++ {
		if i == 0 {
			l.grow <- 3
			<-l.grown
		}
		go func() {
			if i%2 == 1 {
				res <- errors.New("odd stripe failed")
				return
			}
			res <- nil
		}()
	}
	for range 2 {
		if err := <-res; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	l := &loader{parallelism: 4, grow: make(chan int), grown: make(chan struct{})}
	go l.grower()
	_ = l.load()
	close(l.grow)
}
