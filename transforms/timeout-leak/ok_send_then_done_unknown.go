// ok (leaks, fix graded unsafe): after its send the worker calls Done() on
// something that is not a sync.WaitGroup, which may block or be seen; the
// buffer fix is only offered as unsafe, so no edit is made by default.
package main

import "time"

type tracker struct{ done chan struct{} }

func (t *tracker) Done() { t.done <- struct{}{} }

func within(n int, d time.Duration, t *tracker) (int, bool) {
	res := make(chan int)
	go func() {
		res <- n + 1
		t.Done()
	}()
	select {
	case v := <-res:
		return v, true
	case <-time.After(d):
		return 0, false
	}
}

func run() {
	t := &tracker{done: make(chan struct{}, 16)}
	_, _ = within(1, 0, t)
}
