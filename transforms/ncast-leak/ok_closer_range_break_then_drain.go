// ok (no leak): the parent takes the first value and breaks out of the
// range, but then drains the rest (`for range c {}`): every sender is
// received, and the closer closes after the last.
package main

import "sync"

func first(items []int) int {
	c := make(chan int)
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c <- it * 2
		}()
	}
	go func() {
		wg.Wait()
		close(c)
	}()
	got := -1
	for v := range c {
		got = v
		break
	}
	for range c {
	}
	return got
}

func run() {
	_ = first([]int{1, 2, 3, 4})
}
