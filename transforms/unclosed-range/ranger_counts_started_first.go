// Positive: the consumer is started before the producers and marks each
// item done as it takes it; the producers each send one result after
// their wg.Add(1). After wg.Wait() every result is in, but the consumer's
// range never ends. Fix: close(results) right after the Wait.
package main

import (
	"strings"
	"sync"
)

func upperAll(words []string) []string {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var out []string
	results := make(chan string)
	go func() {
		for r := range results {
			wg.Done()
			mu.Lock()
			out = append(out, r)
			mu.Unlock()
		}
	}()
	for _, w := range words {
		wg.Add(1)
		go func() {
			results <- strings.ToUpper(w)
		}()
	}
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	return out
}

func run() {
	_ = upperAll([]string{"a", "b", "c"})
}
