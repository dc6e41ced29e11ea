// ok (leaks, not fixable): the inner loop's bound is math.MaxInt, and it
// breaks after two starts: the bound is not the number of goroutines, and
// a capacity of it would panic in make. Reported without a fix. (Found by a
// review.)
package main

import (
	"fmt"
	"math"
)

func probe(r string, k int) int { return len(r) + k }

func anyProbe(regions []string, attempts int) int {
	c := make(chan int)
	for _, r := range regions {
		for k := 0; k < attempts; k++ {
			if k == 2 {
				break
			}
			go func() {
				c <- probe(r, k)
			}()
		}
	}
	return <-c
}

func run() {
	fmt.Println(anyProbe([]string{"eu", "us"}, math.MaxInt))
}
