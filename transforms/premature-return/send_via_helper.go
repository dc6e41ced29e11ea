// Positive: the goroutine's send happens one call away, in a function of
// the package that sends once on its parameter as its last action
// (`reply(res, key)`). The parent returns early on an empty key.
package main

import (
	"errors"
	"strings"
)

func reply(out chan<- string, v string) {
	out <- strings.ToUpper(v)
}

func lookup(key string) (string, error) {
	res := make(chan string)
	go func() {
		reply(res, key)
	}()
	if key == "" {
		return "", errors.New("empty key")
	}
	return <-res, nil
}

func run() {
	_, _ = lookup("")
}
