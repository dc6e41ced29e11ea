// Not fixed: the goroutine that streamAsync starts sends twice, and the
// parent receives once; a buffer of one would not free the second send.
package main

func streamAsync(n int, out chan<- int) {
	go func() {
		out <- n
		out <- n + 1
	}()
}

func first(n int, skip bool) int {
	out := make(chan int)
	streamAsync(n, out)
	if skip {
		return 0
	}
	return <-out
}

func run() {
	_ = first(1, false)
}
