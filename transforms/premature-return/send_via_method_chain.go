// Positive: the goroutine calls a method that hands the channel on to
// another method of its type (p.process -> p.emit), which sends once as
// its last action. The parent returns early on an empty payload, before
// receiving, and the sender blocks forever.
package main

import (
	"errors"
	"strings"
)

type result struct {
	id   int
	text string
}

type pipeline struct {
	prefix string
}

func (p *pipeline) emit(out chan<- result, r result) {
	out <- r
}

func (p *pipeline) process(id int, payload string, out chan<- result) {
	text := p.prefix + strings.TrimSpace(payload)
	p.emit(out, result{id: id, text: text})
}

func (p *pipeline) handle(id int, payload string) (string, error) {
	out := make(chan result)
	go func() {
		p.process(id, payload, out)
	}()
	if payload == "" {
		return "", errors.New("empty payload")
	}
	r := <-out
	return r.text, nil
}

func run() {
	p := &pipeline{prefix: "> "}
	_, _ = p.handle(1, "")
}
