// ok: three servers report their error on one channel and the first one
// ends the process (`os.Exit`), so the other senders never outlive it: no
// leak to fix. (run() does not call it: it would end the oracle too.)
package main

import (
	"errors"
	"fmt"
	"os"
)

func serve(name string) error { return errors.New(name + " stopped") }

func serveAll() {
	errc := make(chan error)
	go func() { errc <- serve("grpc") }()
	go func() { errc <- serve("http") }()
	go func() { errc <- serve("metrics") }()
	fmt.Fprintln(os.Stderr, <-errc)
	os.Exit(1)
}

func run() {}
