// ok (leaks, not fixable with a buffer of 1): the goroutine sends in an if
// statement's initializer and again in its body; two sends on one path.
package main

func ready() bool { return true }

func pair(fail bool) int {
	c := make(chan int)
	go func() {
		if c <- 1; ready() {
			c <- 2
		}
	}()
	if fail {
		return -1
	}
	return <-c + <-c
}

func run() {
	_ = pair(true)
}
