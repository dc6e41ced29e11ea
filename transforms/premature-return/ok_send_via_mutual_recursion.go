// ok (no edit): the worker's helpers hand the channel to each other
// (retryFetch -> fetchOnce -> retryFetch). Recursion is refused, never
// guessed, however deep the analysis follows calls: the goroutine may
// send any number of times, and nothing is reported.
package main

import "errors"

func fetchOnce(out chan<- int, n int) {
	if n%2 == 0 {
		out <- n
		return
	}
	retryFetch(out, n-1)
}

func retryFetch(out chan<- int, n int) {
	fetchOnce(out, n)
}

func worker(out chan<- int, n int) {
	retryFetch(out, n)
}

func compute(n int) (int, error) {
	res := make(chan int)
	go worker(res, n)
	if n < 0 {
		return 0, errors.New("negative")
	}
	return <-res, nil
}

func run() {
	_, _ = compute(3)
}
