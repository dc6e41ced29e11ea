// Positive: one callback variable that sends, handed to two go statements
// whose callee calls it once each; the parent receives once. Fix:
// `make(chan error, 2)`.
package main

import "errors"

func work(name string, done func(error)) {
	if name == "b" {
		done(errors.New("failed " + name))
		return
	}
	done(nil)
}

func firstResult() error {
	errc := make(chan error)
	report := func(err error) {
		errc <- err
	}
	go work("a", report)
	go work("b", report)
	return <-errc
}

func run() {
	_ = firstResult()
}
