// ok (no leak): the close is already deferred, so every exit runs it.
package main

import "errors"

func serve(fail bool) error {
	done := make(chan struct{})
	defer close(done)
	go func() {
		<-done
	}()
	if fail {
		return errors.New("setup failed")
	}
	return nil
}

func run() {
	_ = serve(true)
}
