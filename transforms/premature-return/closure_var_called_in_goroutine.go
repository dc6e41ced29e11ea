// Positive: the send lives in a closure variable that a started literal
// calls as its only statement (after a deferred log). On a bad request the
// parent returns before receiving, and the goroutine blocks forever inside
// the closure. Capacity 1.
package main

import (
	"errors"
	"log"
)

func render(page string) string { return "<html>" + page + "</html>" }

func serve(page string) (string, error) {
	out := make(chan string)
	respond := func() {
		out <- render(page)
	}
	go func() {
		defer log.Printf("rendered %s", page)
		respond()
	}()
	if page == "" {
		return "", errors.New("empty page")
	}
	return <-out, nil
}

func run() {
	_, _ = serve("")
}
