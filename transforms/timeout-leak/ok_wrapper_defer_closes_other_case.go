// ok (no edit): the method wrapper closes `s.finished` in a defer, after
// the task's send: the select's other case can fire only once the value
// was sent, so the parent always takes it and nothing leaks. A buffer would
// let the select take `finished` with the value unread. A wrapper's defers
// must be recoveries or log prints for it to count as a start.
package main

import (
	"fmt"
	"time"
)

type supervisor struct {
	finished chan struct{}
}

func (s *supervisor) spawn(task func()) {
	go func() {
		defer close(s.finished)
		task()
	}()
}

func (s *supervisor) summarize(rows []string) string {
	ready := make(chan int)
	s.spawn(func() {
		ready <- len(rows)
	})
	time.Sleep(2 * time.Millisecond)
	select {
	case n := <-ready:
		return fmt.Sprint("rows ", n)
	case <-s.finished:
		return "finished without result"
	case <-time.After(time.Second):
		return "timeout"
	}
}

func run() {
	for i := 0; i < 10; i++ {
		s := &supervisor{finished: make(chan struct{})}
		fmt.Println(s.summarize([]string{"a", "b"}))
	}
}
