// ok: the variable is assigned a made channel before the consumer starts,
// and closed after the producer is done.
package main

func drain(c chan int) {
	for range c {
	}
}

func pipe() {
	var c chan int
	c = make(chan int)
	done := make(chan struct{})
	go func() {
		drain(c)
		close(done)
	}()
	c <- 1
	close(c)
	<-done
}

func run() {
	pipe()
}
