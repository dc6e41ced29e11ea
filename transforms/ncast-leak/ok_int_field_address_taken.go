// ok (reported, no fix): the bound's address is taken (`p := &l.parallelism`)
// and the loop writes through it: `l.parallelism` at the make is not the count.
package main

import "errors"

type loader struct {
	parallelism int
}

func (l *loader) load() error {
	p := &l.parallelism
	res := make(chan error)
	for i := 0; i < l.parallelism; i++ {
		if i == 0 {
			*p += 3
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
