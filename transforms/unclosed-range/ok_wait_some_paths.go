// The producers are joined by wg.Wait(), but only on the success path: when
// validation fails run returns before Wait while producers may still be
// sending. A deferred close could race them. Leaks; no edit.
package main

import (
	"errors"
	"sync"
)

func process(items []int) error {
	out := make(chan int)
	go func() {
		for v := range out {
			_ = v
		}
	}()

	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out <- it * 3
		}()
	}

	if len(items) > 2 {
		return errors.New("too many items")
	}
	wg.Wait()
	return nil
}

func run() {
	_ = process([]int{1, 2})
	_ = process([]int{1, 2, 3})
}
