// Package errgroup is a stand-in for golang.org/x/sync/errgroup, which the
// oracle cannot download: the same API for Go, Wait and WithContext, with
// the same goroutine behaviour (Go starts f in a new goroutine counted by a
// WaitGroup; Wait waits for all; the first error cancels the context).
package errgroup

import (
	"context"
	"sync"
)

// A Group is a collection of goroutines working on subtasks of one task.
type Group struct {
	cancel  func(error)
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
}

// WithContext returns a new Group and a context derived from ctx, cancelled
// the first time a function passed to Go returns an error or Wait returns.
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Group{cancel: cancel}, ctx
}

// Go calls f in a new goroutine.
func (g *Group) Go(f func() error) {
	g.wg.Add(1)
	go func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.errOnce.Do(func() {
				g.err = err
				if g.cancel != nil {
					g.cancel(err)
				}
			})
		}
	}()
}

// Wait blocks until every call of Go has returned, then returns the first
// error, if any.
func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel(g.err)
	}
	return g.err
}
