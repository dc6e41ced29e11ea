// ok (leaks, not fixable here): a negative partial sum makes a called
// function panic inside the receive loop, which counts back every goroutine;
// a deferred recover returns early. The callee is not named as a `must`
// helper, and a panic in any callee cannot be told from the syntax, so
// leakfix must not claim this loop ends early.
package main

import "fmt"

func nonNegative(v int) int {
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
		total += nonNegative(<-sums)
	}
	return total, nil
}

func run() {
	_, _ = sumParts([][]int{{-1, -2}, {-3}, {-4, 1}, {-9}})
}
