// Positive: the goroutine runs a method that reports its result through a
// callback (`go l.scan(func(t token) { toks <- t })`): the method calls
// its func parameter once on every path, as its last action, and the
// callback only sends. That is one send on `toks`. The parent returns
// early on an over-long input, and the scanner blocks on its send.
package main

import (
	"errors"
	"strings"
)

type token struct {
	kind string
	text string
}

type lexer struct {
	input string
}

func (l *lexer) scan(emit func(token)) {
	for _, f := range strings.Fields(l.input) {
		if f == "=" {
			emit(token{kind: "assign", text: f})
			return
		}
	}
	emit(token{kind: "eof"})
}

func (l *lexer) first(maxLen int) (token, error) {
	toks := make(chan token)
	go l.scan(func(t token) { toks <- t })
	if len(l.input) > maxLen {
		return token{}, errors.New("input too long")
	}
	return <-toks, nil
}

func run() {
	l := &lexer{input: "a = b"}
	_, _ = l.first(2)
}
