// ok (no edit from this shape): two goroutines call the double-sending
// helper but the parent receives once: a `return` in the helper would
// still leave one goroutine blocked (a buffer sized to the senders is
// ncast-leak's business, not this shape's).
package main

import "errors"

func report(ch chan error, err error) {
	if err != nil {
		ch <- err
	}
	ch <- nil
}

func first() error {
	ch := make(chan error)
	go func() { report(ch, nil) }()
	go func() { report(ch, errors.New("x")) }()
	return <-ch
}

func run() {
	_ = first()
}
