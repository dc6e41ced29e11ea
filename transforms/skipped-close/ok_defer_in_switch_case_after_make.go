// ok (no edit): the waiter is a one-case select, and a deferred
// wait for it is registered in a switch case after the make; moving the
// close into a defer would run it after that wait and deadlock.
package main

import "errors"

func serve(fail bool, mode int) error {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		select {
		case <-done:
		}
		close(finished)
	}()
	switch mode {
	case 1:
		defer func() { <-finished }()
	}
	if fail {
		return errors.New("fail")
	}
	close(done)
	return nil
}

func run() {
	_ = serve(false, 1)
}
