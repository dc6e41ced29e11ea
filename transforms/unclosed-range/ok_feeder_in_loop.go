// ok (leaks, not fixable): the feeder goroutine is started once per batch,
// so several of them send on the channel; none of them may close it.
// Reported without a fix.
package main

func square(n int) int { return n * n }

func sum(batches [][]int) int {
	in := make(chan int)
	out := make(chan int)
	go func() {
		for v := range in {
			out <- square(v)
		}
	}()
	n := 0
	for _, b := range batches {
		n += len(b)
		go func() {
			for _, v := range b {
				in <- v
			}
		}()
	}
	total := 0
	for range n {
		total += <-out
	}
	return total
}

func run() {
	_ = sum([][]int{{1, 2}, {3}})
}
