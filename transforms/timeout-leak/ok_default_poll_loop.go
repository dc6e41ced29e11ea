// ok (no leak): select with a default case, but inside a loop that polls
// until the result arrives, doing other work in between. Every path ends with
// the receive, so the single send always completes.
package main

import (
	"runtime"
	"time"
)

func resize(w, h int) int {
	time.Sleep(time.Millisecond)
	return w * h
}

func resizeWhileServing(w, h int, serve func()) int {
	px := make(chan int)
	go func() {
		px <- resize(w, h)
	}()
	for {
		select {
		case n := <-px:
			return n
		default:
			serve()
			runtime.Gosched()
		}
	}
}

func run() {
	_ = resizeWhileServing(4, 3, func() {})
}
