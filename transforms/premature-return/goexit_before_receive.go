// Positive: the checking goroutine ends itself with runtime.Goexit (what
// t.Fatal does in a test) when the local side fails, before receiving the
// peer's result; the sender then blocks forever.
package main

import (
	"errors"
	"runtime"
	"time"
)

func dialPeer() error {
	time.Sleep(time.Millisecond)
	return errors.New("peer gone")
}

func acceptPeer() error { return errors.New("accept failed") }

func checkHandshake() {
	errc := make(chan error)
	go func() {
		errc <- dialPeer()
	}()
	if err := acceptPeer(); err != nil {
		runtime.Goexit()
	}
	_ = <-errc
}

func run() {
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		checkHandshake()
	}()
	<-finished
}
