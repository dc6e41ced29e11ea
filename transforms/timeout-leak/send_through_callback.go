// Positive: the goroutine runs a function that hands its result to a
// callback (`go fetch(key, func(r result) { results <- r })`), calling it
// once on every path as its last action; the callback only sends. The
// parent gives up when its context is done, and the fetcher blocks on the
// send forever.
package main

import (
	"context"
	"errors"
	"time"
)

type result struct {
	value string
	err   error
}

func fetch(key string, done func(result)) {
	time.Sleep(20 * time.Millisecond)
	if key == "" {
		done(result{err: errors.New("empty key")})
		return
	}
	done(result{value: "v:" + key})
}

func lookup(ctx context.Context, key string) (string, error) {
	results := make(chan result)
	go fetch(key, func(r result) { results <- r })
	select {
	case r := <-results:
		return r.value, r.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	_, _ = lookup(ctx, "k")
	time.Sleep(40 * time.Millisecond)
}
