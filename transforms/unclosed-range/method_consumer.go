// A method on a struct is the consumer: `go ix.consume(docs)` ranges over its
// parameter. run indexes a few documents and returns; docs is never closed,
// so the indexing goroutine leaks.
package main

import (
	"strings"
	"sync"
)

type doc struct {
	id   int
	body string
}

type indexer struct {
	mu    sync.Mutex
	words map[string][]int
}

func (ix *indexer) consume(docs <-chan doc) {
	for d := range docs {
		ix.mu.Lock()
		for _, w := range strings.Fields(d.body) {
			ix.words[w] = append(ix.words[w], d.id)
		}
		ix.mu.Unlock()
	}
}

func run() {
	ix := &indexer{words: map[string][]int{}}
	docs := make(chan doc)
	go ix.consume(docs)

	docs <- doc{id: 1, body: "the quick fox"}
	docs <- doc{id: 2, body: "the lazy dog"}
}
