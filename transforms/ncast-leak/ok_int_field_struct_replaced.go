// ok (reported, no fix): the loop replaces the whole struct holding its
// bound (`*l = loader{...}`), which changes `l.parallelism` without naming it.
package main

import "errors"

type loader struct {
	parallelism int
}

func (l *loader) load() error {
	res := make(chan error)
	for i := 0; i < l.parallelism; i++ {
		if i == 0 {
			*l = loader{parallelism: 9}
		}
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
}
