// ok (no edit): the wrapper's deferred literal calls `recover()` but closes
// `s.finished` when there was no panic (`r == nil`): after the task's
// send, which the parent's select then may not take first. Only `if r :=
// recover(); r != nil {...}` (or `if recover() != nil`), nothing else, is a
// recovery that does nothing on the normal path.
package main

import (
	"fmt"
	"log"
	"time"
)

var _ = log.Println

type supervisor struct {
	finished chan struct{}
	n        int
}

func (s *supervisor) spawn(task func()) {
	go func() {
		defer func() {
			if r := recover(); r == nil {
				close(s.finished)
			}
		}()
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
	got := map[string]int{}
	for i := 0; i < 20; i++ {
		s := &supervisor{finished: make(chan struct{})}
		got[s.summarize([]string{"a", "b"})]++
	}
	fmt.Println(got)
}
