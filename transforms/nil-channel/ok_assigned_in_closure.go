// ok: a closure assigns the channel before the goroutine starts.
package main

func produce() int {
	var c chan int
	setup := func() {
		c = make(chan int, 1)
	}
	setup()
	go func() {
		c <- 1
	}()
	return <-c
}

func run() {
	_ = produce()
}
