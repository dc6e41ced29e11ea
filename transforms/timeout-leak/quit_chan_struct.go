// Positive: flushUntilQuit waits for the flush to finish or for the quit
// channel, whichever comes first. `done` is unbuffered, so when quit is already
// closed the flusher goroutine blocks on `done <- struct{}{}` forever.
package main

import "time"

type flusher struct {
	pending []string
}

func (f *flusher) flush() {
	time.Sleep(2 * time.Millisecond)
	f.pending = f.pending[:0]
}

func flushUntilQuit(f *flusher, quit <-chan struct{}) bool {
	done := make(chan struct{})
	go func() {
		f.flush()
		done <- struct{}{}
	}()
	select {
	case <-done:
		return true
	case <-quit:
		return false
	}
}

func run() {
	quit := make(chan struct{})
	close(quit)
	flushUntilQuit(&flusher{pending: []string{"a", "b"}}, quit)
}
