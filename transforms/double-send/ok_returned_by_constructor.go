// ok: fetch's goroutine sends twice when n > 1, and twice receives both
// values from the channel fetch returns. once receives only one, but a
// `return` after the first send, in the constructor, would change what
// every other caller receives (twice would then block forever): double-send
// does not edit a constructor's goroutine for one caller. Nothing leaks here.
package main

func fetch(n int) <-chan int {
	c := make(chan int)
	go func() {
		if n > 1 {
			c <- 1
		}
		c <- 2
	}()
	return c
}

func once(n int) int {
	return <-fetch(n)
}

func twice(n int) (int, int) {
	x := fetch(n)
	a := <-x
	b := <-x
	return a, b
}

func run() {
	_ = once(0)
	_, _ = twice(5)
}
