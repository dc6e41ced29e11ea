// Positive, unsafe fix: the goroutine body is a closure variable started
// once; on a negative input it sends a fallback and falls through to the
// real send. The parent receives once. Fix: `return` after the first send,
// graded unsafe: it also skips the call `sqrtInt(n)` in the second send's
// value, which the goroutine runs before it blocks (the analysis does not
// know that call has no effect).
package main

func sqrtInt(n int) int {
	r := 0
	for (r+1)*(r+1) <= n {
		r++
	}
	return r
}

func root(n int) int {
	out := make(chan int)
	compute := func() {
		if n < 0 {
			out <- 0
		}
		out <- sqrtInt(n)
	}
	go compute()
	return <-out
}

func run() {
	_ = root(-4)
}
