// Positive: the channel is made inside a function literal returned by
// makeHandler. The handler starts the formatter goroutine, then returns an
// error for an over-long request without receiving its reply.
package main

import (
	"errors"
	"strings"
)

var errTooLong = errors.New("request too long")

func makeHandler(limit int) func(req string) (string, error) {
	return func(req string) (string, error) {
		reply := make(chan string)
		go func() {
			reply <- strings.ToUpper(strings.TrimSpace(req))
		}()
		if len(req) > limit {
			return "", errTooLong
		}
		return <-reply, nil
	}
}

func run() {
	h := makeHandler(8)
	_, _ = h("this request is far too long")
}
