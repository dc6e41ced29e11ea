// ok (no edit from this shape): the second goroutine starts only on some
// paths, so its receive cannot be matched with it.
package main

import "errors"

func report(ch chan error, err error) {
	if err != nil {
		ch <- err
	}
	ch <- nil
}

func sometimes(again bool) {
	ch := make(chan error)
	go func() { report(ch, nil) }()
	<-ch
	if again {
		go func() { report(ch, errors.New("x")) }()
	}
	<-ch
}

func run() {
	sometimes(true)
}
