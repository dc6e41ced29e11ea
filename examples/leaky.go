// An example for the README: two goroutine leaks leakfix fixes.
package example

import (
	"context"
	"errors"
)

func fetch(ctx context.Context, key string) (string, error) {
	if key == "" {
		return "", errors.New("empty key")
	}
	return "value:" + key, nil
}

// Lookup returns early on a bad key, and the sender blocks forever.
func Lookup(ctx context.Context, key string) (string, error) {
	type result struct {
		v   string
		err error
	}
	c := make(chan result)
	go func() {
		v, err := fetch(ctx, key)
		c <- result{v, err}
	}()
	if len(key) > 64 {
		return "", errors.New("key too long")
	}
	r := <-c
	return r.v, r.err
}

// WithTimeout gives up when ctx is done, and the sender blocks forever.
func WithTimeout(ctx context.Context, key string) (string, error) {
	done := make(chan string)
	go func() {
		v, _ := fetch(ctx, key)
		done <- v
	}()
	select {
	case v := <-done:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}
