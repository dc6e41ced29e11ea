// Positive (the seed's shape): the ranging goroutine handles each item in
// a literal it calls at once, which defers wg.Done(): one Done per item.
// After Wait every sample was received, but nothing closes the channel and
// the collector ranges forever. Fix: `close(samples)` after the Wait.
package main

import "sync"

func collect(hosts []string) []float64 {
	var wg sync.WaitGroup
	var out []float64
	samples := make(chan float64)
	for i := range hosts {
		wg.Add(1)
		go func() {
			samples <- float64(i) * 1.5
		}()
	}
	go func() {
		for s := range samples {
			func() {
				defer wg.Done()
				out = append(out, s)
			}()
		}
	}()
	wg.Wait()
	return out
}

func run() {
	_ = collect([]string{"a", "b"})
}
