// Positive: the validating goroutine sends an error in two `if` branches
// without returning, then falls through to the final send. On a config
// with a missing name the parent takes the first error and goes on, and
// the goroutine blocks forever on its next send. A `return` after each
// branch's send makes every path send once; each `return` skips only the
// later tests (no call) and sends: safe.
package main

import (
	"errors"
	"time"
)

type config struct {
	name string
	port int
}

func validate(cfg config) error {
	errc := make(chan error)
	go func() {
		time.Sleep(time.Millisecond)
		if cfg.name == "" {
			errc <- errors.New("no name")
		}
		if cfg.port == 0 {
			errc <- errors.New("no port")
		}
		errc <- nil
	}()
	return <-errc
}

func run() {
	_ = validate(config{})
	_ = validate(config{port: 80})
	_ = validate(config{name: "db"})
	time.Sleep(20 * time.Millisecond)
}
