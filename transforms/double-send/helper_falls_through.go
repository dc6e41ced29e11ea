// Positive: the goroutine calls a helper of the package with the channel;
// on an error the helper sends and falls through to its second send. The
// parent receives once, so the second send blocks forever. Fix: `return`
// after the helper's first send (safe: it skips nothing else).
package main

import "errors"

func report(ch chan error, err error) {
	if err != nil {
		ch <- err
	}
	ch <- nil
}

func check(name string) error {
	ch := make(chan error)
	go func() {
		var err error
		if name == "" {
			err = errors.New("no name")
		}
		report(ch, err)
	}()
	return <-ch
}

func run() {
	_ = check("")
}
