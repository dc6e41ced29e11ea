// Positive: the query goroutine answers on exactly one of two channels on
// each path (`errc` then `return`, or `rowc`), and the caller selects on
// both with a timeout. When the timer wins, whichever send the goroutine
// makes blocks forever: both channels get a buffer of one. (From the
// 2026-12-04 blind probe, where only `rowc` was fixed: the `errc` case
// counted as signalled by the sender after its send, though that send ends
// its path.)
package main

import (
	"errors"
	"time"
)

func queryUser(id int, timeout time.Duration) (string, error) {
	rowc := make(chan string)
	errc := make(chan error)
	go func() {
		time.Sleep(10 * time.Millisecond) // the query
		if id < 0 {
			errc <- errors.New("no rows")
			return
		}
		rowc <- "row"
	}()
	select {
	case row := <-rowc:
		return row, nil
	case err := <-errc:
		return "", err
	case <-time.After(timeout):
		return "", errors.New("query timeout")
	}
}
func run() { _, _ = queryUser(-1, time.Millisecond); time.Sleep(40 * time.Millisecond) }
