// Positive: the goroutine sends a composite literal keyed with a field
// named like the channel (`outcome{out: ...}`, the channel being `out`).
// The key is the struct field's name, not a use of the channel; the
// parent returns early on an empty payload and the sender blocks.
package main

import (
	"errors"
	"strings"
)

type outcome struct {
	out string
	err error
}

func submit(payload string) (string, error) {
	out := make(chan outcome)
	go func() {
		out <- outcome{out: strings.ToUpper(payload), err: nil}
	}()
	if payload == "" {
		return "", errors.New("empty payload")
	}
	o := <-out
	return o.out, o.err
}

func run() {
	_, _ = submit("")
}
