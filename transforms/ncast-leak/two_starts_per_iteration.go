// Positive: each iteration of the launch loop starts two goroutines, each
// sending once; the parent returns on the first error, leaving the rest
// blocked. Fix: `make(chan result, 2*len(ids))`.
package main

import "errors"

type result struct {
	id  int
	err error
}

func fetchBoth(ids []int) error {
	results := make(chan result)
	for _, id := range ids {
		go func() {
			results <- result{id: id}
		}()
		go func() {
			results <- result{id: -id, err: check(id)}
		}()
	}
	for range 2 * len(ids) {
		if r := <-results; r.err != nil {
			return r.err
		}
	}
	return nil
}

func check(id int) error {
	if id == 2 {
		return errors.New("two")
	}
	return nil
}

func run() {
	_ = fetchBoth([]int{1, 2, 3, 4})
}
