// ok (leaks, but not edited): openAsync returns nil for an empty name without
// starting anything, so what a caller holds is not always the channel its
// goroutine feeds; leakfix follows only constructors that always make,
// start and return.
package main

import "errors"

func openAsync(name string) <-chan error {
	if name == "" {
		return nil
	}
	done := make(chan error)
	go func() {
		done <- nil
	}()
	return done
}

func open(name string, readonly bool) error {
	done := openAsync(name)
	if readonly {
		return errors.New("read-only")
	}
	return <-done
}

func run() {
	_ = open("db", true)
}
