// Workers range over jobs and the parent closes jobs explicitly after the
// last send, then waits for the workers. No leak; the channel is already
// closed, so leakfix must not insert another close.
package main

import (
	"strings"
	"sync"
)

func run() {
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				_ = strings.Repeat(j, 2)
			}
		}()
	}

	for _, j := range []string{"x", "y", "z", "w"} {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
}
