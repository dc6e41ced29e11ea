// Positive: the channel is declared with `var body chan []byte` and made by a
// later assignment. readBody rejects a bad limit after starting the reader
// goroutine, which then blocks forever on its single send.
package main

import (
	"fmt"
	"io"
	"strings"
)

func readBody(r io.Reader, limit int) ([]byte, error) {
	var body chan []byte
	body = make(chan []byte)
	go func() {
		b, err := io.ReadAll(r)
		if err != nil {
			b = nil
		}
		body <- b
	}()
	if limit <= 0 {
		return nil, fmt.Errorf("readBody: invalid limit %d", limit)
	}
	b := <-body
	if len(b) > limit {
		b = b[:limit]
	}
	return b, nil
}

func run() {
	_, _ = readBody(strings.NewReader("hello, world"), 0)
}
