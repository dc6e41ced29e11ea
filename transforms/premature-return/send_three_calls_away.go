// Positive: the send is three calls away from the go statement
// (digest -> encode -> publish), each function of the package handing the
// channel on once, as its last action. Summaries follow two calls past the
// goroutine's own function (ok_send_via_helper_four_deep.go is one too
// many). The parent returns early on a large input.
package main

import "errors"

func publish(out chan<- string, s string) {
	out <- s
}

func encode(out chan<- string, b []byte) {
	publish(out, string(b))
}

func digest(b []byte, out chan<- string) {
	encode(out, b)
}

func store(b []byte, limit int) (string, error) {
	sums := make(chan string)
	go digest(b, sums)
	if len(b) > limit {
		return "", errors.New("too large")
	}
	return <-sums, nil
}

func run() {
	_, _ = store([]byte("0123456789"), 4)
}
