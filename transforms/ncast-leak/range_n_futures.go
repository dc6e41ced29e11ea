// Positive: `for range n` starts n speculative workers; each publishes its
// own future (element type chan int) on an unbuffered channel. The parent
// waits on the first future only, so the other workers block while
// publishing. The futures themselves are buffered and never block.
package main

func estimate(k int) int {
	total := 0
	for i := 1; i <= k; i++ {
		total += i
	}
	return total
}

func speculate(n, k int) int {
	futures := make(chan chan int)
	for range n {
		go func() {
			fut := make(chan int, 1)
			futures <- fut
			fut <- estimate(k)
		}()
	}
	return <-<-futures
}

func run() {
	_ = speculate(3, 100)
}
