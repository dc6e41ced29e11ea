// Reported without a fix: the early return skips the close, but after the
// close the function returns the result of a call, which could wait for
// the goroutine: a deferred close would run only after it.
package main

import "errors"

func finish() error { return nil }

func serve(fail bool) error {
	done := make(chan struct{})
	go func() {
		<-done
	}()
	if fail {
		return errors.New("setup failed")
	}
	close(done)
	return finish()
}

func run() {
	_ = serve(false)
}
