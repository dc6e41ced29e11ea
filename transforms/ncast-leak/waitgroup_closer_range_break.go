// Positive: the closer defers its close and waits; the parent stops
// ranging at the first match (`break`). The senders after it block, and
// the closer waits for them forever.
package main

import (
	"strings"
	"sync"
)

func firstMatch(lines []string, word string) int {
	hits := make(chan int)
	var wg sync.WaitGroup
	wg.Add(len(lines))
	for i, l := range lines {
		go func(i int, l string) {
			defer wg.Done()
			if strings.Contains(l, word) {
				hits <- i
			} else {
				hits <- -1
			}
		}(i, l)
	}
	go func() {
		defer close(hits)
		wg.Wait()
	}()
	found := -1
	for h := range hits {
		if h >= 0 {
			found = h
			break
		}
	}
	return found
}

func run() {
	_ = firstMatch([]string{"go", "go", "rust", "go"}, "go")
}
