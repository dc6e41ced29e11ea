// ok: the channel's address is handed to a function that may set it.
package main

func open(c *chan int) {
	*c = make(chan int, 1)
}

func produce() int {
	var c chan int
	open(&c)
	go func() {
		c <- 1
	}()
	return <-c
}

func run() {
	_ = produce()
}
