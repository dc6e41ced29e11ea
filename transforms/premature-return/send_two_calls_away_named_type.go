// Positive: as send_two_calls_away.go, with the channel parameters spelled
// through a named type and grouped with another (`out, spare sink`): the
// parse shortcut keeps the second callee however the type is written.
package main

import "errors"

type sink chan<- string

func publish(out sink, s string) {
	out <- s
}

func digest(b []byte, out, spare sink) {
	_ = spare
	publish(out, string(b))
}

func store(b []byte, limit int) (string, error) {
	sums := make(chan string)
	go digest(b, sums, nil)
	if len(b) > limit {
		return "", errors.New("too large")
	}
	return <-sums, nil
}

func run() {
	_, _ = store([]byte("0123456789"), 4)
}
