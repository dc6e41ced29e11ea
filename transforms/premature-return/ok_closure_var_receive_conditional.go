// ok (leaks, not fixable here): the closure variable receives only on some
// calls, so its call is not a receive leakfix can count.
package main

import "errors"

func save(p []byte, async bool) error {
	done := make(chan error)
	wait := func() error {
		if async {
			return nil
		}
		return <-done
	}
	go func() {
		done <- nil
	}()
	if len(p) == 0 {
		return errors.New("nothing to save")
	}
	return wait()
}

func run() {
	_ = save(nil, false)
}
