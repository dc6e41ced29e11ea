// Positive: two goroutines per iteration of a loop bounded by an int8; the
// count is converted to int first, since `2*max(n, 0)` in int8 overflows
// to a negative size for n = 100 and `make` would panic. Fix:
// `make(chan int, 2*int(max(n, 0)))`.
package main

func produce(c chan int) { c <- 1 }
func consume(c chan int) { c <- 2 }

func first(n int8) int {
	c := make(chan int)
	for range n {
		go produce(c)
		go consume(c)
	}
	return <-c
}

func run() {
	_ = first(100)
}
