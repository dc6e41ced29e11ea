// startWorkers ranges over its parameter, not a channel it made; the caller
// owns the channel and closes it after the last send. Neither function may
// get a `defer close`. No leak.
package main

import "sync"

func startWorkers(jobs <-chan string, n int, wg *sync.WaitGroup) {
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				_ = len(j)
			}
		}()
	}
}

func run() {
	var wg sync.WaitGroup
	jobs := make(chan string)
	startWorkers(jobs, 2, &wg)
	for _, j := range []string{"build", "test", "lint"} {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
}
