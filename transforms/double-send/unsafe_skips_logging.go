// Positive, unsafe fix: after the error branch's send the goroutine goes
// on to log and send again; the parent receives once, so that second send
// blocks forever. A `return` after the first send ends the leak, but it
// also skips the logging call on the error path, which is a change of
// behaviour: graded unsafe, and the message names what it skips.
package main

import (
	"errors"
	"fmt"
)

func parse(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty")
	}
	return len(s), nil
}

func parseAsync(s string) int {
	out := make(chan int)
	go func() {
		n, err := parse(s)
		if err != nil {
			out <- -1
		}
		_ = fmt.Sprintf("parsed %q", s)
		out <- n
	}()
	return <-out
}

func run() {
	_ = parseAsync("")
}
