// Positive: the sending function has a named result, so a bare `return`
// compiles; the error branch sends and falls through to the final send.
// Fix: `return` after the first send.
package main

import "errors"

func probe(addr string, status chan<- error) (tries int) {
	tries = 1
	if addr == "" {
		status <- errors.New("no address")
	}
	status <- nil
	return
}

func healthy(addr string) error {
	status := make(chan error)
	go probe(addr, status)
	return <-status
}

func run() {
	_ = healthy("")
}
