// ok (no leak): the worker signals completion by closing `done` instead of
// sending on it. close never blocks, so returning via the timeout case leaves
// nothing stuck. There is no send for a buffer to help.
package main

import "time"

type index struct {
	terms map[string]int
}

func (ix *index) rebuild(docs []string) {
	time.Sleep(2 * time.Millisecond)
	m := make(map[string]int, len(docs))
	for i, d := range docs {
		m[d] = i
	}
	ix.terms = m
}

func rebuildWithin(ix *index, docs []string, d time.Duration) bool {
	done := make(chan struct{})
	go func() {
		defer close(done)
		ix.rebuild(docs)
	}()
	select {
	case <-done:
		return true
	case <-time.After(d):
		return false
	}
}

func run() {
	rebuildWithin(&index{}, []string{"a", "b"}, time.Millisecond)
}
