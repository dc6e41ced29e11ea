// ok: the select has a default case, so the goroutine never waits for
// the close; skipping it leaves nothing blocked.
package main

import "errors"

func probe(fail bool) error {
	stop := make(chan struct{})
	go func() {
		select {
		case <-stop:
		default:
		}
	}()
	if fail {
		return errors.New("probe failed")
	}
	close(stop)
	return nil
}

func run() {
	_ = probe(true)
}
