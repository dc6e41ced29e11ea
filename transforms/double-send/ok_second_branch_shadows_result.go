// ok (no edit, reported): the second branch redeclares the named result
// `err` in its initializer, so a bare `return` there would not compile; the
// leak is reported without a fix. (From the 2026-12-04 review.)
package main

import "errors"

var refused = map[string]error{"bad": errors.New("refused")}

func probe(addr string, status chan<- error) (err error) {
	if addr == "" {
		status <- errors.New("no address")
	}
	if err := refused[addr]; err != nil {
		status <- err
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
	_ = healthy("bad")
	_ = healthy("ok")
}
