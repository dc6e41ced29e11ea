// ok: the helper sends only when the value is valid, so the parent's early
// return can be correlated with the goroutine not sending: no claim.
package main

import "errors"

func replyIfValid(out chan<- string, v string) {
	if v == "" {
		return
	}
	out <- v
}

func lookup(key string) (string, error) {
	res := make(chan string)
	go func() {
		replyIfValid(res, key)
	}()
	if key == "" {
		return "", errors.New("empty key")
	}
	return <-res, nil
}

func run() {
	_, _ = lookup("")
}
