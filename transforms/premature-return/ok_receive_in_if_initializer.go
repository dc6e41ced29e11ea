// Not a leak: the receive is the if statement's initializer, so it runs
// before either arm; the early return in the arm comes after it.
package main

import "errors"

func dial(addr string) error {
	if addr == "" {
		return errors.New("no address")
	}
	return nil
}

func connect(addr string) error {
	errc := make(chan error)
	go func() {
		errc <- dial(addr)
	}()
	if err := <-errc; err != nil {
		return err
	}
	return nil
}

func run() {
	_ = connect("")
	_ = connect("db:5432")
}
