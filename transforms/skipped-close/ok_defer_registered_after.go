// ok (no edit): a deferred call registered after the make would run before
// a deferred close (deferred calls run last-in first-out), where today it
// runs after the close; that order may matter.
package main

import "errors"

func stop() {}

func serve(fail bool) error {
	done := make(chan struct{})
	defer stop()
	go func() {
		<-done
	}()
	if fail {
		return errors.New("setup failed")
	}
	close(done)
	return nil
}

func run() {
	_ = serve(false)
}
