// ok (no edit): the handler started with the request hands the whole
// request on (to a retry queue), where code this analysis does not follow
// may answer it again or never: a request used other than through its
// fields is refused.
package main

import (
	"errors"
	"time"
)

type job struct {
	name string
	done chan error
}

var retries = make(chan job, 8)

func attempt(j job) {
	if j.name == "flaky" {
		retries <- j
		return
	}
	j.done <- nil
}

func submit(name string, strict bool) error {
	done := make(chan error)
	go attempt(job{name: name, done: done})
	if strict {
		return errors.New("strict")
	}
	return <-done
}

func run() {
	_ = submit("ok", false)
	time.Sleep(10 * time.Millisecond)
}
