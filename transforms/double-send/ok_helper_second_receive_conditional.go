// ok (no edit from this shape): the second receive runs only on some
// paths, so the goroutines' sends cannot be matched one for one with the
// receives.
package main

import "errors"

func report(ch chan error, err error) {
	if err != nil {
		ch <- err
	}
	ch <- nil
}

func maybe(both bool) {
	ch := make(chan error)
	go func() { report(ch, nil) }()
	<-ch
	go func() { report(ch, errors.New("x")) }()
	if both {
		<-ch
	}
}

func run() {
	maybe(true)
}
