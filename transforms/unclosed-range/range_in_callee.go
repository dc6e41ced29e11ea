// Positive: the goroutine calls a helper that ranges over the jobs channel;
// the parent sends every job and returns without closing it, so the
// helper's range, and the goroutine, never end. `defer close(jobs)`.
package main

import "fmt"

func consume(jobs chan int) {
	for j := range jobs {
		_ = fmt.Sprint(j)
	}
}

func dispatch(items []int) {
	jobs := make(chan int)
	go func() {
		consume(jobs)
	}()
	for _, it := range items {
		jobs <- it
	}
}

func run() {
	dispatch([]int{1, 2, 3})
}
