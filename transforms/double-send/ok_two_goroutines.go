// ok (no edit from this shape): two goroutines each send once and the
// parent receives twice.
package main

func both() int {
	c := make(chan int)
	go func() { c <- 1 }()
	go func() { c <- 2 }()
	return <-c + <-c
}

func run() {
	_ = both()
}
