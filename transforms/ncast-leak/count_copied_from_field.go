// Positive: the count is copied from an int field of the receiver (`n :=
// ix.shards`) before the launch loop; one goroutine per shard sends once,
// and the search returns on the first hit, leaving the others blocked.
package main

import "strings"

type index struct {
	shards int
	docs   []string
}

func (ix *index) scanShard(shard int, term string, hits chan<- string) {
	found := ""
	for i := shard; i < len(ix.docs); i += ix.shards {
		if found == "" && strings.Contains(ix.docs[i], term) {
			found = ix.docs[i]
		}
	}
	hits <- found
}

func (ix *index) First(term string) string {
	n := ix.shards
	hits := make(chan string)
	for i := 0; i < n; i++ {
		go ix.scanShard(i, term, hits)
	}
	for i := 0; i < n; i++ {
		if h := <-hits; h != "" {
			return h
		}
	}
	return ""
}

func run() {
	ix := &index{shards: 4, docs: []string{"alpha", "beta", "gamma", "delta", "alphabet"}}
	_ = ix.First("alpha")
}
