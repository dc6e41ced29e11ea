// Positive: the parent sums the partial results, but a negative partial sum
// panics; a deferred recover turns it into an error return, so the partial
// sums still unread leak. Each worker loops to compute, yet sends only once.
package main

import "fmt"

func mustNonNegative(v int) int {
	if v < 0 {
		panic(fmt.Sprintf("negative partial sum %d", v))
	}
	return v
}

func sumParts(parts [][]int) (total int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("sum: %v", r)
		}
	}()
	sums := make(chan int)
	for _, p := range parts {
		go func() {
			s := 0
			for _, v := range p {
				s += v
			}
			sums <- s
		}()
	}
	for range parts {
		total += mustNonNegative(<-sums)
	}
	return total, nil
}

func run() {
	_, _ = sumParts([][]int{{-1, -2}, {-3}, {-4, 1}, {-9}})
}
