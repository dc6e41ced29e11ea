// Not a leak: the closure's goto jumps back into its own receiving loop
// (a continue), so every sender is received.
package main

import (
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
	ch := make(chan result)
	for _, n := range names {
		go func() { ch <- work(n) }()
	}
	var errs []error
	collect := func() {
		i := 0
	again:
		for ; i < len(names); i++ {
			r := <-ch
			if r.err != nil {
				errs = append(errs, r.err)
				i++
				goto again
			}
		}
	}
	collect()
	return errors.Join(errs...)
}

func run() {
	fmt.Println(fetch([]string{"a", "bad", "c", "d"}))
}
