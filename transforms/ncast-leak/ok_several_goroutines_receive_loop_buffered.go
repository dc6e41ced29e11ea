// Not a leak: the channel already holds one value per goroutine, so an
// early return from the receiving loop leaves nobody blocked.
package main

import "errors"

func first() error  { return errors.New("first failed") }
func second() error { return nil }

func both() error {
	errc := make(chan error, 2)
	go func() { errc <- first() }()
	go func() { errc <- second() }()
	for range 2 {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	_ = both()
}
