// Not fixed: each sender cancels the parent's context after its send
// (defer cancel()), and the collecting loop also waits on ctx.Done(): with
// a buffer the cancel could come before the value is taken, and the
// parent would report context.Canceled instead of the sender's result.
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

var _ = time.Millisecond

type result struct {
	name string
	err  error
}

func work(n string) result {
	if n == "bad" {
		return result{n, errors.New("bad input")}
	}
	time.Sleep(time.Millisecond)
	return result{name: n}
}

func fetch(names []string) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := make(chan result)
	for _, n := range names {
		go func() {
			defer cancel()
			ch <- work(n)
		}()
	}
	collect := func() error {
		for range names {
			select {
			case r := <-ch:
				if r.err != nil {
					return r.err
				}
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		return nil
	}
	time.Sleep(time.Millisecond)
	return collect()
}

func run() {
	canceled := 0
	for range 200 {
		if err := fetch([]string{"bad"}); errors.Is(err, context.Canceled) {
			canceled++
		}
	}
	fmt.Printf("failure reported as canceled: %d/200\n", canceled)
}
