// ok (leaks, not fixable here): the channel is handed to an interface method,
// `go r.Run(errc)`. leakfix does not analyse bodies behind an interface, so
// it cannot know how often Run sends and must not edit, leak or not.
package main

import (
	"errors"
	"strings"
)

type Runner interface {
	Run(out chan<- error)
}

type shellStep struct {
	cmd string
}

func (s shellStep) Run(out chan<- error) {
	if strings.TrimSpace(s.cmd) == "" {
		out <- errors.New("empty command")
		return
	}
	out <- nil
}

func execStep(r Runner, skip bool) error {
	errc := make(chan error)
	go r.Run(errc)
	if skip {
		return nil
	}
	return <-errc
}

func run() {
	_ = execStep(shellStep{cmd: "true"}, true)
}
