// OK: each iteration starts two goroutines and the parent receives every
// result before it returns the first error: nothing is left blocked.
package main

import "errors"

func sumBoth(ids []int) (int, error) {
	results := make(chan int)
	for _, id := range ids {
		go func() {
			results <- id
		}()
		go func() {
			results <- -id
		}()
	}
	total := 0
	var err error
	for range 2 * len(ids) {
		v := <-results
		if v == -2 {
			err = errors.New("two")
		}
		total += v
	}
	return total, err
}

func run() {
	_, _ = sumBoth([]int{1, 2, 3})
}
