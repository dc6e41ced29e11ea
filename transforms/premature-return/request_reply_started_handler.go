// Positive: the caller makes the reply channel, stores it in the request
// and starts the handler with the request (`go handle(db, req)`), which
// answers once on `req.done`. On a read-only connection the caller returns
// before it receives, and the handler blocks forever on its answer.
package main

import (
	"errors"
	"time"
)

type query struct {
	sql  string
	done chan error
}

type conn struct{ readOnly bool }

func handle(db *conn, q *query) {
	time.Sleep(10 * time.Millisecond)
	if q.sql == "" {
		q.done <- errors.New("empty query")
		return
	}
	q.done <- nil
}

func exec(db *conn, sql string) error {
	done := make(chan error)
	q := &query{sql: sql, done: done}
	go handle(db, q)
	if db.readOnly {
		return errors.New("read-only connection")
	}
	return <-done
}

func run() {
	_ = exec(&conn{readOnly: true}, "DELETE FROM t")
	time.Sleep(40 * time.Millisecond)
}
