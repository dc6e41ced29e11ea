// Positive: a helper goroutine waits for `done` to be closed; the function
// closes it only at the end of its normal path, and the early error return
// skips that close, so the helper blocks forever. Fix: `defer close(done)`
// right after the make, and the old close removed.
package main

import "errors"

func cleanup() {}

func work() {}

func serve(fail bool) error {
	done := make(chan struct{})
	go func() {
		<-done
		cleanup()
	}()
	if fail {
		return errors.New("setup failed")
	}
	work()
	close(done)
	return nil
}

func run() {
	_ = serve(true)
}
