// ok (leaks, not fixable): the goroutines are started while ranging over a
// channel, so their number is not known when the results channel is made;
// len(tasks) would be the queue length, not the number of senders.
package main

func square(v int) int { return v * v }

func firstSquare(tasks <-chan int) int {
	out := make(chan int)
	for t := range tasks {
		go func() {
			out <- square(t)
		}()
	}
	return <-out
}

func run() {
	tasks := make(chan int, 3)
	tasks <- 1
	tasks <- 2
	tasks <- 3
	close(tasks)
	_ = firstSquare(tasks)
}
