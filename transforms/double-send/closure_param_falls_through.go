// Positive: the goroutine takes the channel as a parameter; on a bad
// input it sends the error and falls through to the final send. The
// parent receives once. Fix: `return` after the first send.
package main

import "errors"

func validate(name string) error {
	errc := make(chan error)
	go func(out chan<- error) {
		if name == "" {
			out <- errors.New("empty name")
		}
		out <- nil
	}(errc)
	return <-errc
}

func run() {
	_ = validate("")
}
