// ok (leaks, but not edited): the caller hands the channel fetchSize returns
// to a function of another package's making (here a func value), whose use
// of it cannot be seen; leakfix does not follow it.
package main

import (
	"context"
	"time"
)

func fetchSize(path string) <-chan int64 {
	size := make(chan int64)
	go func() {
		time.Sleep(time.Millisecond)
		size <- int64(len(path))
	}()
	return size
}

var watch = func(c <-chan int64) {}

func sizeOrZero(ctx context.Context, path string) int64 {
	s := fetchSize(path)
	watch(s)
	select {
	case v := <-s:
		return v
	case <-ctx.Done():
		return 0
	}
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_ = sizeOrZero(ctx, "a")
}
