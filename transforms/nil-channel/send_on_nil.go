// Positive: the result channel was never made; the goroutine's send on
// the nil channel blocks forever. Report only.
package main

func compute(x int) int {
	var results chan int
	go func() {
		results <- x * x
	}()
	return x
}

func run() {
	_ = compute(3)
}
