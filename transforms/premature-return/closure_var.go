// Positive: the goroutine runs a closure variable, `fetch := func() {...}`
// then `go fetch()`. The closure is assigned once and only started, so its
// body is the goroutine's body: it sends once on res, and the parent returns
// before receiving when the key is invalid.
package main

import "errors"

func lookup(key string) (string, error) {
	res := make(chan string)
	fetch := func() {
		res <- "value of " + key
	}
	go fetch()
	if key == "" {
		return "", errors.New("empty key")
	}
	return <-res, nil
}

func run() {
	_, _ = lookup("")
}
