// ok (no leak): the select's other case sends on an unbuffered channel that
// nothing ever receives from, so it can never be chosen; the select always
// takes the result and the sender is always received.
package main

func pick(v int) int {
	result := make(chan int)
	audit := make(chan int)
	go func() {
		result <- v * 2
	}()
	select {
	case x := <-result:
		return x
	case audit <- v:
		return -1
	}
}

func run() {
	_ = pick(4)
}
