// Not a leak: the closure the parent calls once receives every thumbnail
// (it keeps the first error and goes on), so every sender is received.
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
	time.Sleep(5 * time.Millisecond)
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
			if r.err != nil && firstErr == nil {
				firstErr = fmt.Errorf("thumbnail %s: %w", r.name, r.err)
			}
		}
	}
	collect()
	return firstErr
}

func run() {
	_ = makeThumbnails([]string{"a.png", "corrupt.png", "b.png"})
}
