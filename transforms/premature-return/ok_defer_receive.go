// ok (no leak): the parent receives in a deferred function, so every path
// out of publish, early error returns included, waits for the goroutine's
// single send. Buffering done would change nothing; leakfix must not edit.
package main

import (
	"errors"
	"strings"
)

type logger struct {
	lines []string
}

func publish(l *logger, topic, msg string) (err error) {
	done := make(chan error)
	go func() {
		if msg == "" {
			done <- errors.New("empty message")
			return
		}
		l.lines = append(l.lines, topic+": "+msg)
		done <- nil
	}()
	defer func() {
		if werr := <-done; err == nil {
			err = werr
		}
	}()
	if !strings.HasPrefix(topic, "events.") {
		return errors.New("publish: topic outside events namespace")
	}
	return nil
}

func run() {
	_ = publish(&logger{}, "audit.login", "user 42")
}
