// ok (reported, no fix): the package declares a variable `max`, so
// `max(l.parallelism, 0)` would not compile: no capacity is written.
package main

import "errors"

var max = 3

type loader struct {
	parallelism int
}

func (l *loader) load() error {
	res := make(chan error)
	for i := 0; i < l.parallelism; i++ {
		go func() {
			if i%2 == 1 {
				res <- errors.New("odd stripe failed")
				return
			}
			res <- nil
		}()
	}
	for range 2 {
		if err := <-res; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	l := &loader{parallelism: 4}
	_ = l.load()
	_ = max
}
