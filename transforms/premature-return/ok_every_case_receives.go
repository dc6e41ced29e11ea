// ok (no leak): the cancel case closes the body, which makes the reader
// goroutine finish, and then waits for it with its own receive; the other
// case receives too. Every path receives before returning.
package main

import (
	"context"
	"io"
	"strings"
)

func readAll(ctx context.Context, r io.ReadCloser) ([]byte, error) {
	var body []byte
	var err error
	done := make(chan struct{})
	go func() {
		body, err = io.ReadAll(r)
		done <- struct{}{}
	}()
	select {
	case <-ctx.Done():
		r.Close()
		<-done
		return nil, ctx.Err()
	case <-done:
	}
	return body, err
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = readAll(ctx, io.NopCloser(strings.NewReader("payload")))
}
