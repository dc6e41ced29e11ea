// Positive: each shard's scan sends once, either inside its loop followed
// by `return`, or after the loop: once on every path. The search returns
// on the first hit (or on cancellation), leaving the other shards blocked
// on their sends.
package main

import (
	"context"
	"strings"
)

type hit struct {
	shard int
	doc   string
}

type index struct {
	shards int
	docs   []string
}

func (ix *index) scanShard(shard int, term string, hits chan<- hit) {
	for i := shard; i < len(ix.docs); i += ix.shards {
		if strings.Contains(ix.docs[i], term) {
			hits <- hit{shard: shard, doc: ix.docs[i]}
			return
		}
	}
	hits <- hit{shard: shard}
}

func (ix *index) First(ctx context.Context, term string) (string, bool) {
	n := ix.shards
	hits := make(chan hit)
	for i := 0; i < n; i++ {
		go ix.scanShard(i, term, hits)
	}
	for i := 0; i < n; i++ {
		select {
		case h := <-hits:
			if h.doc != "" {
				return h.doc, true
			}
		case <-ctx.Done():
			return "", false
		}
	}
	return "", false
}

func run() {
	ix := &index{shards: 4, docs: []string{"alpha", "beta", "gamma", "delta", "alphabet"}}
	_, _ = ix.First(context.Background(), "alpha")
}
