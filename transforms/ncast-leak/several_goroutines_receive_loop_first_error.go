// Positive: three goroutines, started one after the other, each send one
// error on an unbuffered channel; the parent receives in a loop of three but
// returns on the first error, so the goroutines not yet received block
// forever. Capacity 3, one per sender.
package main

import "errors"

func loadUsers() error  { return errors.New("users down") }
func loadOrders() error { return nil }
func loadStock() error  { return nil }

func warm() error {
	errc := make(chan error)
	go func() { errc <- loadUsers() }()
	go func() { errc <- loadOrders() }()
	go func() { errc <- loadStock() }()
	for range 3 {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	_ = warm()
}
