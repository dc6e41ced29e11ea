// Positive: the callback that sends is held by a variable, handed to the
// go statement's callee, which calls it once; the parent may return before
// receiving. Fix: `make(chan error, 1)`.
package main

import "errors"

func work(name string, done func(error)) {
	if name == "" {
		done(errors.New("no name"))
		return
	}
	done(nil)
}

func start(name string, fail bool) error {
	errc := make(chan error)
	report := func(err error) {
		errc <- err
	}
	go work(name, report)
	if fail {
		return errors.New("cancelled")
	}
	return <-errc
}

func run() {
	_ = start("a", true)
}
