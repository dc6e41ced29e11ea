// ok (no edit): the callback the goroutine's method is handed runs once
// per field (`emit` called in a loop): the goroutine may send any number
// of times, and a buffer of one would free it only after the first. Not a
// single send: nothing is claimed.
package main

import (
	"errors"
	"strings"
)

type lexer struct {
	input string
}

func (l *lexer) scan(emit func(string)) {
	for _, f := range strings.Fields(l.input) {
		emit(f)
	}
}

func (l *lexer) first(maxLen int) (string, error) {
	toks := make(chan string)
	go l.scan(func(t string) { toks <- t })
	if len(l.input) > maxLen {
		return "", errors.New("input too long")
	}
	return <-toks, nil
}

func run() {
	l := &lexer{input: "a"}
	_, _ = l.first(5)
}
