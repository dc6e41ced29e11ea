// Positive: the senders are a function of the package that sends once,
// started with `go fetch(...)` after each wg.Add(1); the consumer counts
// the replies with wg.Done(). Fix: close(replies) after the Wait.
package main

import (
	"fmt"
	"sync"
)

func fetch(id int, replies chan<- string) {
	replies <- fmt.Sprintf("reply %d", id)
}

func gather(ids []int) {
	var wg sync.WaitGroup
	replies := make(chan string)
	go func() {
		for r := range replies {
			_ = len(r)
			wg.Done()
		}
	}()
	for _, id := range ids {
		wg.Add(1)
		go fetch(id, replies)
	}
	wg.Wait()
}

func run() {
	gather([]int{1, 2, 3})
}
