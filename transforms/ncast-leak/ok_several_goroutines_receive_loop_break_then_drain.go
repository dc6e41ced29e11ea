// Not a leak: the first loop stops at the first error, but a second loop
// receives what the goroutines still send, so every sender is received.
package main

import "errors"

func partA() error { return errors.New("a failed") }
func partB() error { return nil }

func build() error {
	errc := make(chan error)
	go func() { errc <- partA() }()
	go func() { errc <- partB() }()
	var first error
	n := 0
	for range 2 {
		n++
		if err := <-errc; err != nil {
			first = err
			break
		}
	}
	for ; n < 2; n++ {
		<-errc
	}
	return first
}

func run() {
	_ = build()
}
