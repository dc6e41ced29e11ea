// Positive: `go loadItem(id, c)` starts a named function declared in this
// file; it sends exactly once on its out parameter. On a cache hit lookup
// returns without receiving, so every hit leaks one loader goroutine.
package main

import "fmt"

type item struct {
	id   int
	name string
}

func loadItem(id int, out chan<- *item) {
	out <- &item{id: id, name: fmt.Sprintf("item-%d", id)}
}

func lookup(id int, cache map[int]*item) (*item, error) {
	c := make(chan *item)
	go loadItem(id, c)
	if it, ok := cache[id]; ok {
		return it, nil
	}
	it := <-c
	if it == nil {
		return nil, fmt.Errorf("item %d not found", id)
	}
	return it, nil
}

func run() {
	cache := map[int]*item{7: {id: 7, name: "cached"}}
	_, _ = lookup(7, cache)
}
