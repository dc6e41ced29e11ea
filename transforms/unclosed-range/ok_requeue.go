// The consumer re-enqueues failed items onto the channel it ranges over, so
// it is itself an unjoined sender: closing the channel when run returns could
// make its retry send panic. Leaks (consumer); no edit.
package main

func run() {
	retries := map[int]int{}
	work := make(chan int, 4)
	go func() {
		for w := range work {
			if w%2 == 1 && retries[w] < 1 {
				retries[w]++
				work <- w
			}
		}
	}()

	work <- 1
	work <- 2
}
