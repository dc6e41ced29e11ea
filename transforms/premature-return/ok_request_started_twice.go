// ok (no edit): the same request goes to two handlers (`go primary(q)`
// and `go replica(q)`), each answering on `q.done`: two senders share the
// reply channel, and a buffer of one would still strand one of them. A
// request handed over more than once is refused.
package main

import (
	"errors"
	"time"
)

type query struct {
	sql  string
	done chan error
}

func primary(q query) {
	time.Sleep(5 * time.Millisecond)
	q.done <- nil
}

func replica(q query) {
	time.Sleep(5 * time.Millisecond)
	q.done <- nil
}

func exec(sql string, strict bool) error {
	q := query{sql: sql, done: make(chan error)}
	go primary(q)
	go replica(q)
	if strict {
		return errors.New("strict")
	}
	return <-q.done
}

func run() {
	_ = exec("SELECT 1", true)
	time.Sleep(20 * time.Millisecond)
}
