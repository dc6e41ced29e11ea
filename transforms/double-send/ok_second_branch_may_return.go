// ok (no edit from this shape): the second branch may return before its
// send, so the path from the first send does not always reach a second
// one: a branch that can leave the goroutine is not a plain fall-through,
// and the shape is refused (the path through `b` still sends twice; it is
// left unreported rather than half understood).
package main

import "errors"

func check(a, b, c bool) error {
	errc := make(chan error)
	go func() {
		if a {
			errc <- errors.New("a")
		}
		if b {
			if c {
				return
			}
			errc <- errors.New("b")
		}
		errc <- nil
	}()
	return <-errc
}

func run() {
	_ = check(false, true, false)
}
