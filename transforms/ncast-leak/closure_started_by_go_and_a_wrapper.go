// Positive: the same closure variable started once by a go statement and
// once through a function wrapper of the file; the parent returns after
// the first value. Fix: `make(chan int, 2)`.
package main

func safeGo(f func()) {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				println("recovered")
			}
		}()
		f()
	}()
}

func first(n int) int {
	out := make(chan int)
	compute := func() {
		out <- n * n
	}
	go compute()
	safeGo(compute)
	return <-out
}

func run() {
	_ = first(3)
}
