// Positive: the receive sits in a closure variable that the parent calls
// synchronously, `wait := func() error { return <-done }` ... `return
// wait()`. It counts where the call is: after the early return, which
// leaves the writer blocked on its send.
package main

import "errors"

func write(p []byte) error {
	_ = len(p)
	return nil
}

func save(p []byte) error {
	done := make(chan error)
	wait := func() error {
		return <-done
	}
	go func() {
		done <- write(p)
	}()
	if len(p) == 0 {
		return errors.New("nothing to save")
	}
	return wait()
}

func run() {
	_ = save(nil)
}
