// Reported without a fix: the early return skips Stop, but the return
// after Stop reads c.total, which Stop waits for the goroutine to write
// last: a deferred Stop would run after the read (tally(4) would give 4,
// not 40).
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Counter struct {
	done  chan struct{}
	incs  chan int
	wg    sync.WaitGroup
	total int
}

func (c *Counter) Start() {
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		for {
			select {
			case n := <-c.incs:
				c.total += n
			case <-c.done:
				c.total *= 10
				return
			}
		}
	}()
}

func (c *Counter) Stop() {
	close(c.done)
	c.wg.Wait()
}

func validate(n int) error {
	if n < 0 {
		return errors.New("negative")
	}
	return nil
}

func tally(n int) int {
	c := &Counter{done: make(chan struct{}), incs: make(chan int)}
	c.Start()
	if err := validate(n); err != nil {
		return -1
	}
	c.incs <- n
	c.Stop()
	return c.total
}

func run() {
	if got := tally(4); got != 40 {
		panic(fmt.Sprintf("tally(4) = %d, want 40", got))
	}
	tally(-1)
}
