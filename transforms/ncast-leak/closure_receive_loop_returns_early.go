// Positive: one goroutine per name sends its thumbnail; the parent collects
// them in a closure it calls once, whose loop returns at the first error.
// The goroutines not yet received block forever. Capacity len(names).
package main

import (
	"errors"
	"fmt"
	"time"
)

type thumb struct {
	name string
	err  error
}

func resize(name string) thumb {
	if name == "corrupt.png" {
		return thumb{name: name, err: errors.New("decode: bad header")}
	}
	time.Sleep(10 * time.Millisecond)
	return thumb{name: name}
}

func makeThumbnails(names []string) error {
	ch := make(chan thumb)
	for _, n := range names {
		go func() {
			ch <- resize(n)
		}()
	}
	var firstErr error
	collect := func() {
		for range names {
			r := <-ch
			if r.err != nil {
				firstErr = fmt.Errorf("thumbnail %s: %w", r.name, r.err)
				return
			}
		}
	}
	collect()
	return firstErr
}

func run() {
	_ = makeThumbnails([]string{"a.png", "corrupt.png", "b.png", "c.png"})
}
