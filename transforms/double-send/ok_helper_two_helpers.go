// ok (no edit from this shape): the two goroutines run different helpers,
// so no single `return` makes each send once.
package main

import "errors"

func report(ch chan error, err error) {
	if err != nil {
		ch <- err
	}
	ch <- nil
}

func other(ch chan error, err error) {
	if err != nil {
		ch <- err
	}
	ch <- nil
}

func mixed() {
	ch := make(chan error)
	go func() { report(ch, nil) }()
	<-ch
	go func() { other(ch, errors.New("x")) }()
	<-ch
}

func run() {
	mixed()
}
