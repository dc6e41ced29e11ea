// ok (no edit): the helper's range stops at a sentinel value, so the
// goroutine can end without a close; the call is not a range that only a
// close ends.
package main

import "fmt"

func consume(jobs chan int) {
	for j := range jobs {
		if j < 0 {
			break
		}
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
	jobs <- -1
}

func run() {
	dispatch([]int{1, 2, 3})
}
