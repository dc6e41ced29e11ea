// Positive: the constructor builds the value in a local, sets a field and
// returns it (the common NewX style); nobody else holds it. The function
// starts it and never closes it, so the flusher goroutine waits forever.
// Fix (unsafe): `defer f.Close()`.
package main

import "time"

type flusher struct {
	every time.Duration
	quit  chan struct{}
	ticks int
}

func newFlusher(every time.Duration) *flusher {
	f := &flusher{quit: make(chan struct{})}
	f.every = every
	return f
}

func (f *flusher) Start() {
	go func() {
		for {
			select {
			case <-f.quit:
				return
			}
		}
	}()
}

func (f *flusher) Close() {
	close(f.quit)
}

func write(lines []string) int {
	f := newFlusher(time.Second)
	f.Start()
	return len(lines)
}

func run() {
	_ = write([]string{"a"})
}
