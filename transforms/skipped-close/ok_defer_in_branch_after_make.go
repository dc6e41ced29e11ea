// ok (no edit): a deferred wait is registered inside an `if`
// after the make. A deferred close would run after that wait, which waits
// for the goroutine the close releases: the normal path would deadlock.
package main

import "errors"

func serve(fail, verbose bool) error {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		<-done
		close(finished)
	}()
	if verbose {
		defer func() { <-finished }()
	}
	if fail {
		return errors.New("fail")
	}
	close(done)
	return nil
}

func run() {
	_ = serve(false, true)
}
