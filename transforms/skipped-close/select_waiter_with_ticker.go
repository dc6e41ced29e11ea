// Positive: a keep-alive goroutine refreshes a lock on a ticker until
// `stop` is closed; its ticker case never leaves the loop, so the close is
// its only way out. A failing step returns before `close(stop)`, and the
// keep-alive then runs forever. Fix: `defer close(stop)` after the make.
package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

type step struct {
	name string
	fail bool
}

type migrator struct {
	refreshes atomic.Int64
}

func (m *migrator) apply(steps []step) error {
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				m.refreshes.Add(1)
			}
		}
	}()

	for _, s := range steps {
		if s.fail {
			return fmt.Errorf("step %s failed", s.name)
		}
	}
	close(stop)
	return nil
}

func run() {
	m := &migrator{}
	_ = m.apply([]step{{name: "add-column"}, {name: "backfill", fail: true}})
}
