// Positive (the seed's shape, one Add for the whole batch): wg.Add(len(docs))
// right before a loop starting one sender per document; the indexer
// goroutine ranges over the channel and calls wg.Done() per item. When
// Wait returns every document was received, yet nothing closes the
// channel, so the indexer ranges forever. Fix: `close(indexed)` after the
// Wait.
package main

import (
	"strings"
	"sync"
)

func index(docs []string) map[string]int {
	var wg sync.WaitGroup
	counts := map[string]int{}
	indexed := make(chan string)
	wg.Add(len(docs))
	for _, d := range docs {
		go func() {
			indexed <- strings.ToLower(d)
		}()
	}
	go func() {
		for word := range indexed {
			counts[word]++
			wg.Done()
		}
	}()
	wg.Wait()
	return counts
}

func run() {
	_ = index([]string{"A", "b", "a"})
}
