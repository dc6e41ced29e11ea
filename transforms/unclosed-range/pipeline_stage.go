// A pipeline stage ranges over `in`, doubling each value onto `out`; run sends
// each input and reads its result back. `out` is always drained, but `in` is
// never closed, so the stage goroutine leaks after the last value.
package main

func run() {
	in := make(chan int)
	out := make(chan int)
	go func() {
		for v := range in {
			out <- v * 2
		}
	}()

	total := 0
	for _, v := range []int{1, 2, 3} {
		in <- v
		total += <-out
	}
	_ = total
}
