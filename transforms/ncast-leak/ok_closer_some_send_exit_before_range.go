// ok (no finding): the workers send only on failure, and the parent may
// leave before it ranges. On that path no worker may have failed, so
// nothing says a goroutine blocks: leakfix reports only what the code shows.
package main

import (
	"errors"
	"sync"
)

func check(items []int, limit int) error {
	errs := make(chan error)
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if it < 0 {
				errs <- errors.New("negative")
			}
		}()
	}
	if len(items) > limit {
		return errors.New("too many")
	}
	go func() {
		wg.Wait()
		close(errs)
	}()
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func run() {
	_ = check([]int{1, 2, 3}, 2)
}
