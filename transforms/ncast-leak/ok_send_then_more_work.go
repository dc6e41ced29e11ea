// ok (leaks; the fix is graded unsafe, not applied by default): each goroutine sends its future and
// then goes on computing into it. A buffer on `futures` would let every
// goroutine run on and do that work where it now blocks, which is more than
// buffering; leakfix reports the leak and edits nothing unless --unsafe-fixes.
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
