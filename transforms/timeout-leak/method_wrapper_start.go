// Positive: a method of the package is a wrapper (`s.spawn(f)` starts f in
// a goroutine, with a deferred recover counting panics). The parent waits
// for the report in a select with a timer; when the timer wins, the
// goroutine the wrapper started blocks forever on its send.
package main

import (
	"errors"
	"sync/atomic"
	"time"
)

type report struct{ rows int }

type supervisor struct {
	panics atomic.Int64
}

func (s *supervisor) spawn(task func()) {
	go func() {
		defer func() {
			if recover() != nil {
				s.panics.Add(1)
			}
		}()
		task()
	}()
}

func build(rows []string) report {
	time.Sleep(20 * time.Millisecond)
	return report{rows: len(rows)}
}

func (s *supervisor) summarize(rows []string, budget time.Duration) (report, error) {
	ready := make(chan report)
	s.spawn(func() {
		ready <- build(rows)
	})
	timer := time.NewTimer(budget)
	defer timer.Stop()
	select {
	case r := <-ready:
		return r, nil
	case <-timer.C:
		return report{}, errors.New("summary timed out")
	}
}

func run() {
	s := &supervisor{}
	_, _ = s.summarize([]string{"a", "b"}, time.Millisecond)
	time.Sleep(50 * time.Millisecond)
}
