// Positive: a WaitGroup fan-in with a closer goroutine (`wg.Wait();
// close(results)`), but the parent returns on the first error while
// ranging over the results. The senders still to deliver block forever,
// and the closer with them, on `wg.Wait()`. With one buffer slot per
// sender every send completes, `wg.Wait()` returns and the closer closes
// after the last send, as before.
package main

import (
	"errors"
	"fmt"
	"sync"
)

type result struct {
	path string
	size int
	err  error
}

func stat(p string) (int, error) {
	if p == "" {
		return 0, errors.New("empty path")
	}
	return len(p) * 100, nil
}

func totalSize(paths []string) (int, error) {
	results := make(chan result)
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := stat(p)
			results <- result{path: p, size: n, err: err}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	total := 0
	for r := range results {
		if r.err != nil {
			return 0, fmt.Errorf("stat %q: %w", r.path, r.err)
		}
		total += r.size
	}
	return total, nil
}

func run() {
	_, _ = totalSize([]string{"", "", "a", "b", "c"})
}
