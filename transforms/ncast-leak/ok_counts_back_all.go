// ok (no leak): the receive loop runs once per goroutine started and never
// leaves early: the first error is remembered, not returned, so every
// sender is received. A tool that edits on any `if err != nil` is wrong.
package main

import (
	"errors"
	"os"
)

func statAll(paths []string) error {
	errc := make(chan error)
	for _, p := range paths {
		go func() {
			_, err := os.Stat(p)
			errc <- err
		}()
	}
	var first error
	for range paths {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}

func run() {
	err := statAll([]string{"/nonexistent/a", "/nonexistent/b", os.TempDir()})
	_ = errors.Is(err, os.ErrNotExist)
}
