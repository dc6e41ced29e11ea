// Positive: a negative partial sum makes mustNonNegative, a `must` helper of
// the file, panic inside the receive loop; a deferred recover returns early
// and the goroutines not yet received from block forever. A call of a
// `must` helper whose body panics is an exit, as a `panic` in place is.
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
