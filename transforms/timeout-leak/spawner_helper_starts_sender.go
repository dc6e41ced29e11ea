// Positive: lookupAsync, a helper of the file whose body is one `go
// func() {...}()`, starts the goroutine that sends on the channel handed
// to it. When the context ends first, that send blocks forever.
package main

import (
	"context"
	"time"
)

func slowLookup(key string) string {
	time.Sleep(20 * time.Millisecond)
	return "v:" + key
}

func lookupAsync(key string, out chan<- string) {
	go func() {
		out <- slowLookup(key)
	}()
}

func lookup(ctx context.Context, key string) (string, error) {
	out := make(chan string)
	lookupAsync(key, out)
	select {
	case v := <-out:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	_, _ = lookup(ctx, "k")
	time.Sleep(50 * time.Millisecond)
}
