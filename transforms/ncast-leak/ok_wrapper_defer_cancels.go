// ok (no edit): each goroutine the method wrapper starts cancels the
// shared context in a defer, after its send; the parent's `ctx.Done()` case
// then fires only after a value was sent. A capacity would let it win with
// values unread (a wrapper's defers must be recoveries or log prints). The
// other senders still block forever; no fix is made, as none could keep
// the case the parent takes.
package main

import (
	"context"
	"fmt"
	"time"
)

type supervisor struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (s *supervisor) spawn(task func()) {
	go func() {
		defer s.cancel()
		task()
	}()
}

func (s *supervisor) first(mirrors []string) string {
	res := make(chan string)
	for _, m := range mirrors {
		s.spawn(func() {
			res <- m
		})
	}
	time.Sleep(2 * time.Millisecond)
	select {
	case m := <-res:
		return "got " + m
	case <-s.ctx.Done():
		return "cancelled without result"
	}
}

func run() {
	for i := 0; i < 10; i++ {
		ctx, cancel := context.WithCancel(context.Background())
		s := &supervisor{ctx: ctx, cancel: cancel}
		fmt.Println(s.first([]string{"a", "b", "c"}))
	}
}
