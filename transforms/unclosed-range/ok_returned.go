// The channel escapes: startLogger returns it, and the caller closes it when
// done. The consumer goroutine ranges over a locally made channel, but a
// `defer close` in startLogger would close it before the caller's sends.
// No leak.
package main

import (
	"fmt"
	"io"
)

func startLogger(w io.Writer) chan<- string {
	msgs := make(chan string)
	go func() {
		for m := range msgs {
			fmt.Fprintln(w, m)
		}
	}()
	return msgs
}

func run() {
	log := startLogger(io.Discard)
	log <- "hello"
	log <- "world"
	close(log)
}
