// Producers run in goroutines joined by a WaitGroup; a collector goroutine
// ranges over the results channel. run waits for the producers and returns,
// but never closes results, so the collector leaks.
package main

import (
	"strings"
	"sync"
)

func run() {
	names := []string{"alpha", "beta", "gamma"}
	results := make(chan string)

	var mu sync.Mutex
	seen := map[string]bool{}
	go func() {
		for r := range results {
			mu.Lock()
			seen[r] = true
			mu.Unlock()
		}
	}()

	var wg sync.WaitGroup
	for _, n := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results <- strings.ToUpper(n)
		}()
	}
	wg.Wait()
}
