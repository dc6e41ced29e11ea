// Positive: the flush closure is handed to time.AfterFunc, whose timer is
// dropped: it runs once in its own goroutine. When the context is already
// done, the parent returns without receiving, and the flush blocks forever
// on its send. Capacity 1.
package main

import (
	"context"
	"time"
)

type buffer struct{ lines []string }

func (b *buffer) flush() int { return len(b.lines) }

func flushLater(ctx context.Context, b *buffer) (int, error) {
	flushed := make(chan int)
	flush := func() {
		flushed <- b.flush()
	}
	time.AfterFunc(time.Millisecond, flush)
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return <-flushed, nil
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = flushLater(ctx, &buffer{lines: []string{"a"}})
	time.Sleep(10 * time.Millisecond)
}
