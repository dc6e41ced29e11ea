// ok (no fix): the closer starts before the senders are counted, so its
// `wg.Wait()` can return at once and close the channel before any send.
// Nothing orders the close after the sends; leakfix does not guess.
package main

import "sync"

func doubled(ns []int) int {
	out := make(chan int)
	var wg sync.WaitGroup
	go func() {
		wg.Wait()
		close(out)
	}()
	for _, n := range ns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out <- 2 * n
		}()
	}
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
	_ = doubled(nil)
}
