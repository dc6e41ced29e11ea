// Positive: a bidirectional proxy. One closure variable copies, started
// twice (one per direction); each sends its result once, the parent returns
// the first, and the other copier blocks forever on its send.
package main

import (
	"io"
	"strings"
)

func proxy(a, b io.ReadWriter) error {
	errc := make(chan error)
	pipe := func(dst io.Writer, src io.Reader) {
		_, err := io.Copy(dst, src)
		errc <- err
	}
	go pipe(a, b)
	go pipe(b, a)
	return <-errc
}

type rw struct {
	io.Reader
	io.Writer
}

func run() {
	var sa, sb strings.Builder
	_ = proxy(rw{strings.NewReader("x"), &sa}, rw{strings.NewReader("y"), &sb})
}
