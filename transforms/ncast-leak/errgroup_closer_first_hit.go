// Positive: errgroup workers scan shards and send a hit when they find one;
// a closer waits for the group (`_ = g.Wait()`) and closes the channel, and
// the parent returns the first hit it ranges over. Every other worker that
// finds a hit then blocks on its send, and the closer waits for it forever.
// Each worker sends at most once: one slot per shard lets them all finish.
package main

import (
	"context"
	"strings"

	"golang.org/x/sync/errgroup"
)

type shard struct{ docs []string }

func (s shard) scan(ctx context.Context, term string) (string, bool) {
	for _, d := range s.docs {
		if ctx.Err() != nil {
			return "", false
		}
		if strings.Contains(d, term) {
			return d, true
		}
	}
	return "", false
}

func search(ctx context.Context, shards []shard, term string) (string, bool) {
	g, ctx := errgroup.WithContext(ctx)
	hits := make(chan string)
	for _, s := range shards {
		g.Go(func() error {
			if d, ok := s.scan(ctx, term); ok {
				hits <- d
			}
			return nil
		})
	}
	go func() {
		_ = g.Wait()
		close(hits)
	}()
	for d := range hits {
		return d, true
	}
	return "", false
}

func run() {
	shards := []shard{{docs: []string{"go leak"}}, {docs: []string{"leak fix"}}, {docs: []string{"none"}}}
	_, _ = search(context.Background(), shards, "leak")
}
