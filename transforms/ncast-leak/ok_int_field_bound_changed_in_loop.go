// ok (reported, no fix): the loop's bound is a field that the loop itself
// changes (`w.limit--` when a slot is reserved); the condition is
// evaluated on every iteration, so `w.limit` at the make does not count
// the goroutines. The leak is reported without a capacity.
package main

import "errors"

type workers struct {
	limit    int
	reserved int
}

func (w *workers) start() error {
	errc := make(chan error)
	for i := 0; i < w.limit; i++ {
		if i == 0 && w.reserved > 0 {
			w.limit--
		}
		go func(i int) {
			if i%2 == 1 {
				errc <- errors.New("odd worker failed")
				return
			}
			errc <- nil
		}(i)
	}
	for range 2 {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	w := &workers{limit: 4, reserved: 1}
	_ = w.start()
}
