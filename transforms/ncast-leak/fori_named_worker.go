// Positive: n workers are started with a classic three-clause loop over an
// int parameter; each runs a named function from this file that sends once
// on its chan<- parameter. The parent keeps only the first answer, so n-1
// workers leak.
package main

import "hash/fnv"

func solve(seed int, out chan<- uint32) {
	h := fnv.New32a()
	h.Write([]byte{byte(seed), byte(seed >> 8)})
	out <- h.Sum32()
}

func anySolution(n int) uint32 {
	answers := make(chan uint32)
	for i := 0; i < n; i++ {
		go solve(i, answers)
	}
	return <-answers
}

func run() {
	_ = anySolution(4)
}
