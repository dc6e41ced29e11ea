// ok (no leak): after breaking out of the range at the first value, the
// parent receives the rest in a counted loop: every sender is received.
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
	n := 0
	for v := range c {
		got = v
		n++
		break
	}
	for ; n < len(items); n++ {
		<-c
	}
	return got
}

func run() {
	_ = first([]int{1, 2, 3, 4})
}
