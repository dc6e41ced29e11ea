// ok (no fix): the closer does more than wait and close: it also sends a
// summary on the channel after the wait, so it is a sender too and the
// count of senders is not the loop's.
package main

import "sync"

func squares(ns []int) int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, n := range ns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out <- n * n
		}()
	}
	go func() {
		wg.Wait()
		out <- -1
		close(out)
	}()
	sum := 0
	for v := range out {
		if v < 0 {
			break
		}
		sum += v
	}
	return sum
}

func run() {
	_ = squares([]int{1, 2, 3})
}
