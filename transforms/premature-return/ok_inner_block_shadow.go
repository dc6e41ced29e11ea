// ok (no leak): inside the if block `res := make(chan string, 1)` shadows the
// outer unbuffered res; the goroutine started there sends on the buffered
// inner one. The outer res is received on every path. No edit.
package main

import (
	"errors"
	"strings"
)

func translate(word string, fast bool) (string, error) {
	res := make(chan string)
	if fast {
		res := make(chan string, 1)
		go func() {
			res <- strings.ToUpper(word)
		}()
		if word == "" {
			return "", errors.New("empty word")
		}
		return <-res, nil
	}
	go func() {
		res <- strings.ToTitle(word)
	}()
	return <-res, nil
}

func run() {
	_, _ = translate("", true)
}
