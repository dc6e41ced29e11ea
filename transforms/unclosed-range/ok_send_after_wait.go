// Producers are joined by wg.Wait(), but a summary sender goroutine is started
// after Wait and is not joined, so it may still be sending when run returns:
// a deferred close could panic. Leaks (the reporter); no edit.
package main

import (
	"fmt"
	"sync"
)

func run() {
	reports := make(chan string)
	go func() {
		for r := range reports {
			_ = r
		}
	}()

	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			reports <- fmt.Sprint("part ", i)
		}()
	}
	wg.Wait()

	go func() {
		reports <- "summary"
	}()
}
