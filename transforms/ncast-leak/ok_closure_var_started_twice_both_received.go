// ok (no leak): the copier closure is started twice and the parent
// receives twice, once per goroutine, so neither send is left blocked.
package main

import (
	"errors"
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
	return errors.Join(<-errc, <-errc)
}

type rw struct {
	io.Reader
	io.Writer
}

func run() {
	var sa, sb strings.Builder
	_ = proxy(rw{strings.NewReader("x"), &sa}, rw{strings.NewReader("y"), &sb})
}
