// ok (no edit): the sending function has an unnamed result, so a bare
// `return` after the first send would not compile; the leak is reported
// without a fix.
package main

import "errors"

func check(errc chan<- error, path string) int {
	if path == "" {
		errc <- errors.New("empty path")
	}
	errc <- nil
	return 0
}

func validate(path string) error {
	errc := make(chan error)
	go check(errc, path)
	return <-errc
}

func run() {
	_ = validate("x")
}
