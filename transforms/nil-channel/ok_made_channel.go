// ok: `var c = make(chan int)` has a value; the send is received.
package main

func produce() int {
	var c = make(chan int)
	go func() {
		c <- 1
	}()
	return <-c
}

func run() {
	_ = produce()
}
