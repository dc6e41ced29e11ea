// Positive: the goroutine is a function of the package, `go check(errc,
// path)`; on a bad path it reports and falls through to the final send.
// The parent receives once. Fix: `return` after the first send (safe).
package main

import "errors"

func check(errc chan<- error, path string) {
	if path == "" {
		errc <- errors.New("empty path")
	}
	errc <- nil
}

func validate(path string) error {
	errc := make(chan error)
	go check(errc, path)
	return <-errc
}

func run() {
	_ = validate("")
}
