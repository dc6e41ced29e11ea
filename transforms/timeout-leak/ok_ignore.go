// ok (leaks, but opted out): a real timeout leak, suppressed with
// `//leakfix:ignore timeout-leak` on the line above the make. leakfix must
// leave the channel unbuffered.
package main

import (
	"context"
	"time"
)

func tokenFor(user string) string {
	time.Sleep(2 * time.Millisecond)
	return "tok-" + user
}

func issueToken(ctx context.Context, user string) (string, error) {
	//leakfix:ignore timeout-leak
	tokens := make(chan string)
	go func() {
		tokens <- tokenFor(user)
	}()
	select {
	case t := <-tokens:
		return t, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _ = issueToken(ctx, "ann")
}
