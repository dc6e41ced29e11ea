// Not fixed: a `continue` before the receive skips it on the first
// iteration, so the close can be reached with a send pending (a panic in
// the sender, buffer or not); leakfix leaves it.
package main

import "errors"

type res struct {
	idx int
	err error
}

func open(files []string) error {
	readerC := make(chan *res)
	for i, f := range files {
		go func(idx int, f string) {
			var err error
			if f == "" {
				err = errors.New("empty")
			}
			readerC <- &res{idx: idx, err: err}
		}(i, f)
	}
	for i := range files {
		if i == 0 {
			continue
		}
		r := <-readerC
		if r.err != nil {
			return r.err
		}
	}
	close(readerC)
	return nil
}

func run() {
	_ = open(nil)
}
