// ok (no edit): after the close the function returns the result of a call,
// which a deferred close would now precede... or follow: the call could
// wait for the goroutine. Not the end of the normal path.
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
