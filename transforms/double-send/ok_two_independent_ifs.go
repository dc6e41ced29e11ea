// ok (no edit from this shape): two sends in two separate branches; on a
// path where neither runs nothing is sent, so this is not a fall-through
// from one send to another that always follows.
package main

func classify(n int) int {
	c := make(chan int)
	go func() {
		if n > 0 {
			c <- 1
		}
		if n < 0 {
			c <- -1
		}
	}()
	if n == 0 {
		return 0
	}
	return <-c
}

func run() {
	_ = classify(1)
}
