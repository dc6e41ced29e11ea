// Positive: a flusher started before a loop that returns on a bad item;
// Close, the last statement, is skipped and the ticker goroutine runs on.
// Fix (unsafe): `defer f.Close()` after the start, the old call removed.
package main

import "time"

type flusher struct {
	stop chan struct{}
	n    int
}

func newFlusher() *flusher { return &flusher{stop: make(chan struct{})} }

func (f *flusher) Start() {
	go func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				f.n++
			case <-f.stop:
				return
			}
		}
	}()
}

func (f *flusher) Close() { close(f.stop) }

func process(items []int) int {
	f := newFlusher()
	f.Start()
	sum := 0
	for _, it := range items {
		if it < 0 {
			return -1
		}
		sum += it
	}
	f.Close()
	return sum
}

func run() {
	_ = process([]int{1, -2, 3})
}
