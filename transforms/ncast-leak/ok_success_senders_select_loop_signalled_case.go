// OK: workers send only on success, and the parent's select loop also
// leaves on `progress`, which each worker sends on after its result: with
// a buffer a worker would get past its send and make that case ready with
// results unread, changing what the parent returns. No edit.
package main

import "errors"

func stat(size int64) (int64, error) {
	if size < 0 {
		return 0, errors.New("denied")
	}
	return size, nil
}

func total(objs []int64) (int64, error) {
	sizes := make(chan int64)
	progress := make(chan struct{}, len(objs))
	for _, o := range objs {
		go func() {
			n, err := stat(o)
			if err != nil {
				return
			}
			sizes <- n
			progress <- struct{}{}
		}()
	}
	var sum int64
	for range objs {
		select {
		case n := <-sizes:
			sum += n
		case <-progress:
			return sum, errors.New("interrupted")
		}
	}
	return sum, nil
}

func run() {
	_, _ = total([]int64{1, 2, -1})
}
