// Positive: errgroup workers, counted by a WaitGroup of their own (Add
// before each g.Go, a deferred Done), each send one page; a goroutine
// closes the channel once the WaitGroup is done, and the parent ranges
// over it but returns at the first failed page. The workers still
// sending then block forever, and so does the closer. Capacity
// len(urls), one per worker.
package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"
)

type page struct {
	url  string
	size int
}

func crawl(ctx context.Context, url string) (page, error) {
	if url == "https://bad.example" {
		return page{}, fmt.Errorf("crawl %s: 503", url)
	}
	time.Sleep(5 * time.Millisecond)
	return page{url: url, size: 1024}, nil
}

func crawlAll(ctx context.Context, urls []string) (int, error) {
	g, ctx := errgroup.WithContext(ctx)
	var wg sync.WaitGroup
	results := make(chan page)
	for _, u := range urls {
		wg.Add(1)
		g.Go(func() error {
			defer wg.Done()
			p, err := crawl(ctx, u)
			if err != nil {
				results <- page{url: u, size: -1}
				return err
			}
			results <- p
			return nil
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()
	total := 0
	for p := range results {
		if p.size < 0 {
			return 0, fmt.Errorf("crawl failed at %s", p.url)
		}
		total += p.size
	}
	return total, g.Wait()
}

func run() {
	_, _ = crawlAll(context.Background(), []string{"https://bad.example", "https://a.example", "https://b.example"})
}
