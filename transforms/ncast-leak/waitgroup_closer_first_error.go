// Positive: the errgroup-by-hand idiom. Each worker sends only when it
// fails, a closer closes the channel once all are done, and the parent
// returns the first error it ranges over. Every other failing worker then
// blocks on its send, and the closer waits for it forever. Since each
// worker sends at most once, one slot per worker lets them all finish.
package main

import (
	"fmt"
	"strconv"
	"sync"
)

func parseAll(fields []string) error {
	errs := make(chan error)
	var wg sync.WaitGroup
	for _, f := range fields {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := strconv.Atoi(f); err != nil {
				errs <- fmt.Errorf("field %q: %w", f, err)
			}
		}()
	}
	go func() {
		wg.Wait()
		close(errs)
	}()
	for err := range errs {
		return err
	}
	return nil
}

func run() {
	_ = parseAll([]string{"1", "x", "y", "2", "z"})
}
