// ok (no fix): the closer waits on a WaitGroup the senders never mark
// done, so nothing orders its close after their sends. A buffer would not
// make that right; leakfix does not guess.
package main

import (
	"sync"
	"time"
)

func collect(jobs []int) int {
	out := make(chan int)
	var others sync.WaitGroup
	others.Add(1)
	go func() {
		defer others.Done()
		time.Sleep(time.Millisecond)
	}()
	for _, j := range jobs {
		go func() {
			out <- j * 2
		}()
	}
	go func() {
		others.Wait()
		close(out)
	}()
	for v := range out {
		if v > 2 {
			return v
		}
	}
	return 0
}

func run() {
	// With senders, this program can close out before a send (a panic):
	// the shape is what matters here, not running it.
	_ = collect(nil)
}
