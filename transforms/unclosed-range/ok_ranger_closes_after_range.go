// ok (leaks, not fixed): the consumer closes `results` after its range, and
// the parent closes it too. That code never ran, since the range never
// ended; a close of `jobs` would run it and panic on the second close of
// results. Reported without a fix. (Found by a review.)
package main

import "fmt"

func double(items []int) []int {
	jobs := make(chan int)
	results := make(chan int)
	go func() {
		for _, it := range items {
			jobs <- it
		}
	}()
	go func() {
		for j := range jobs {
			results <- j * 2
		}
		close(results)
	}()
	out := make([]int, 0, len(items))
	for range items {
		out = append(out, <-results)
	}
	close(results)
	return out
}

func run() {
	fmt.Println(double([]int{1, 2, 3}))
}
