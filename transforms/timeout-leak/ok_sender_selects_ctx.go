// ok (no leak): the sender itself selects between sending the result and
// ctx.Done(), and the parent cancels ctx (defer cancel) on every return. After
// a timeout the sender takes ctx.Done() and exits, so no buffer is needed.
package main

import (
	"context"
	"errors"
	"time"
)

func query(sql string) []string {
	time.Sleep(2 * time.Millisecond)
	return []string{sql}
}

func queryWithin(parent context.Context, sql string, d time.Duration) ([]string, error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()

	rows := make(chan []string)
	go func() {
		r := query(sql)
		select {
		case rows <- r:
		case <-ctx.Done():
		}
	}()

	select {
	case r := <-rows:
		return r, nil
	case <-time.After(d):
		return nil, errors.New("query timed out")
	}
}

func run() {
	_, _ = queryWithin(context.Background(), "select 1", time.Millisecond)
}
