// ok (no edit): the goroutine streams values in a loop and the parent
// reads them all; not the double-send shape.
package main

func squares(n int) int {
	c := make(chan int)
	go func() {
		for i := range n {
			c <- i * i
		}
	}()
	total := 0
	for range n {
		total += <-c
	}
	return total
}

func run() {
	_ = squares(3)
}
