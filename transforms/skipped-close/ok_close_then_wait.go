// Reported without a fix: the early return skips the close, but after the
// close the function waits for the goroutine (`<-finished`): moving the
// close to a defer would run it only after that wait, which would then
// never end.
package main

import "errors"

func serve(fail bool) error {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		<-done
		close(finished)
	}()
	if fail {
		return errors.New("setup failed")
	}
	close(done)
	<-finished
	return nil
}

func run() {
	_ = serve(false)
}
