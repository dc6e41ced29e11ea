// Positive (influxdb FileStore.Open's shape): the parent closes the channel
// after a receive loop over the same files as the launch loop; the early
// return skips the rest of the receives (and the close), leaving senders
// blocked. Every send is received before the close is reached, so a buffer
// of len(files) cannot make a send meet the close.
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
	for range files {
		r := <-readerC
		if r.err != nil {
			return r.err
		}
	}
	close(readerC)
	return nil
}

func run() {
	_ = open([]string{"", "a", "b"})
}
