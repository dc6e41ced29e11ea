// ok: with errgroup's SetLimit, g.Go itself blocks the parent until an
// earlier goroutine returns, so the two starts are not independent senders
// (here the second g.Go waits for the first send: a deadlock, not a leak a
// buffer is meant to fix). leakfix refuses limited groups.
package main

import "golang.org/x/sync/errgroup"

func both() int {
	var g errgroup.Group
	g.SetLimit(1)
	c := make(chan int)
	g.Go(func() error {
		c <- 1
		return nil
	})
	g.Go(func() error {
		c <- 2
		return nil
	})
	return <-c
}

func run() {}
