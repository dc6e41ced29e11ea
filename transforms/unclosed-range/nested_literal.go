// The handler goroutine ranges over reqs and wraps each request in a nested
// function literal that recovers from a panicking handler. run sends the
// requests and returns without closing reqs, so the handler leaks.
package main

import (
	"errors"
	"net/url"
)

func handle(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if u.Host == "" {
		panic(errors.New("no host"))
	}
	return nil
}

func run() {
	reqs := make(chan string)
	go func() {
		for r := range reqs {
			func() {
				defer func() { _ = recover() }()
				_ = handle(r)
			}()
		}
	}()

	reqs <- "https://example.com/a"
	reqs <- "/relative"
	reqs <- "https://example.com/b"
}
