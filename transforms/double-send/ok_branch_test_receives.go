// ok (no edit): the second branch's test receives (`if !<-acks`), and a
// `return` after the first send would skip that receive: the parent's
// `acks <- true` would then block forever. A skipped receive is refused.
// (From the 2026-12-04 adversarial review.)
package main

import (
	"errors"
	"time"
)

func handshake(version int, acks chan bool) error {
	errc := make(chan error)
	go func() {
		if version < 2 {
			errc <- errors.New("protocol too old")
		}
		if !<-acks {
			errc <- errors.New("peer refused")
		}
		errc <- nil
	}()
	err := <-errc
	acks <- true
	return err
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = handshake(1, make(chan bool))
	}()
	select {
	case <-done:
	case <-time.After(100 * time.Millisecond):
		panic("handshake hung")
	}
}
