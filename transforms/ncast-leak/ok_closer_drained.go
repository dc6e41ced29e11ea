// ok (no leak): the parent ranges to the end; its early exit is a
// `continue`, which keeps receiving, and the closer closes after the last
// send. Every value is received.
package main

import "sync"

func positives(ns []int) []int {
	out := make(chan int)
	var wg sync.WaitGroup
	for _, n := range ns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out <- n
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	var res []int
	for v := range out {
		if v <= 0 {
			continue
		}
		res = append(res, v)
	}
	return res
}

func run() {
	_ = positives([]int{1, -2, 3})
}
