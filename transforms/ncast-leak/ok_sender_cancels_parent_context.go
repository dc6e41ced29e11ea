// Not fixed: each sender cancels the parent's context after its send
// (defer cancel()); the receiving loop also waits on ctx.Done(), so a
// buffer would let the cancel win over a value already sent.
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
	time.Sleep(time.Millisecond)
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

func run() {
	canceled := 0
	for range 200 {
		if err := fetch([]string{"bad"}); errors.Is(err, context.Canceled) {
			canceled++
		}
	}
	fmt.Printf("failure reported as canceled: %d/200\n", canceled)
}
