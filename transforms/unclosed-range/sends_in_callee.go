// Positive: a worker ranges over the channel; the parent feeds it through
// a helper that sends every item, then returns without closing it. The
// helper's sends all complete before `dispatch` returns, so a deferred
// close after the make ends the worker. `defer close(jobs)`.
package main

import "fmt"

func feed(jobs chan int, items []int) {
	for _, it := range items {
		jobs <- it
	}
}

func dispatch(items []int) {
	jobs := make(chan int)
	go func() {
		for j := range jobs {
			_ = fmt.Sprint(j)
		}
	}()
	feed(jobs, items)
}

func run() {
	dispatch([]int{1, 2, 3})
}
