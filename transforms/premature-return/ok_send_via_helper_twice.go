// ok (leaks, not fixable here): the helper the goroutine calls sends twice
// on its parameter, so one buffer slot would not free the goroutine.
package main

import "errors"

func replyTwice(out chan<- string, v string) {
	out <- v
	out <- v + "!"
}

func lookup(key string) (string, error) {
	res := make(chan string)
	go func() {
		replyTwice(res, key)
	}()
	if key == "" {
		return "", errors.New("empty key")
	}
	return <-res + <-res, nil
}

func run() {
	_, _ = lookup("")
}
