// Not a leak: three goroutines each send once and the parent's loop takes
// all three before it looks at any of them; nothing leaves the loop early.
package main

import "errors"

func stepA() error { return errors.New("a failed") }
func stepB() error { return nil }
func stepC() error { return nil }

func all() error {
	errc := make(chan error)
	go func() { errc <- stepA() }()
	go func() { errc <- stepB() }()
	go func() { errc <- stepC() }()
	var first error
	for range 3 {
		if err := <-errc; err != nil && first == nil {
			first = err
		}
	}
	return first
}

func run() {
	_ = all()
}
