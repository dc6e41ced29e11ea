// Positive: the launch loop counts to a local set from a package
// function's result (`n := workers()`, an int): the capacity is `max(n,
// 0)`, since a negative n runs the loop zero times but would make `make`
// panic. The parent takes the first answer and returns.
package main

func workers() int { return 3 }

func firstAnswer() int {
	n := workers()
	answers := make(chan int)
	for i := 0; i < n; i++ {
		go func() {
			answers <- i * i
		}()
	}
	return <-answers
}

func run() {
	_ = firstAnswer()
}
