// ok (leaks, not fixable): each goroutine sends once per chunk, inside a
// loop, so there are more sends than goroutines; len(files) would still
// leave senders blocked after the early return.
package main

import (
	"bytes"
	"errors"
)

var errTooBig = errors.New("chunk too big")

func chunks(data []byte, size int) [][]byte {
	var out [][]byte
	for len(data) > size {
		out = append(out, data[:size])
		data = data[size:]
	}
	return append(out, data)
}

func checkChunks(files [][]byte, max int) error {
	sizes := make(chan int)
	for _, f := range files {
		go func() {
			for _, c := range chunks(f, 4) {
				sizes <- len(bytes.TrimSpace(c))
			}
		}()
	}
	for range files {
		if n := <-sizes; n > max {
			return errTooBig
		}
	}
	return nil
}

func run() {
	_ = checkChunks([][]byte{[]byte("aaaaaaaaaaaa"), []byte("bbbbbbbb")}, 2)
}
