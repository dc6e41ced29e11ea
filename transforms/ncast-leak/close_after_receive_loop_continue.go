// Positive: as close_after_receive_loop, with a `continue` in the receive
// loop after its receive: each iteration still receives first, so the
// close is reached only once every send is received.
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
	opened := 0
	for range files {
		r := <-readerC
		if r.err != nil {
			return r.err
		}
		if r.idx < 0 {
			continue
		}
		opened++
	}
	close(readerC)
	_ = opened
	return nil
}

func run() {
	_ = open([]string{"", "a", "b"})
}
