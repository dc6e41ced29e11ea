// ok (no leak): n workers from a three-clause loop and a second
// three-clause loop receiving exactly n values; it tracks the maximum but
// never leaves early, so the unbuffered channel is fine.
package main

import "math/rand/v2"

func sample(seed uint64) int {
	r := rand.New(rand.NewPCG(seed, seed+1))
	return r.IntN(100)
}

func maxSample(n int) int {
	vals := make(chan int)
	for i := 0; i < n; i++ {
		go func() {
			vals <- sample(uint64(i))
		}()
	}
	best := -1
	for i := 0; i < n; i++ {
		if v := <-vals; v > best {
			best = v
		}
	}
	return best
}

func run() {
	_ = maxSample(4)
}
