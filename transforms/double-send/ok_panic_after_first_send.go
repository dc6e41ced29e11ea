// ok (no leak from this shape): the error branch panics after its send,
// so the path never reaches the second send.
package main

func mustPositive(n int) int {
	c := make(chan int)
	go func() {
		defer func() { _ = recover() }()
		if n < 0 {
			c <- 0
			panic("negative")
		}
		c <- n
	}()
	return <-c
}

func run() {
	_ = mustPositive(2)
}
