// ok (reported, no fix): the counting loop skips its go statement on some
// iterations (`continue`), so its bound may be far over the goroutines it
// starts: a buffer of that many elements may be more than `make` can
// allocate. Reported without a capacity.
package main

import "errors"

type shard struct {
	id      int
	standby bool
}

func sync(shards []shard, n int) error {
	errc := make(chan error)
	for i := 0; i < n; i++ {
		if shards[i].standby {
			continue
		}
		go func(s shard) {
			if s.id%2 == 1 {
				errc <- errors.New("shard failed")
				return
			}
			errc <- nil
		}(shards[i])
	}
	for range 2 {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	shards := []shard{{id: 0}, {id: 1}, {id: 2}, {id: 3, standby: true}, {id: 4}}
	_ = sync(shards, len(shards))
}
