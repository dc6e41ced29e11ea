// ok (no leak): the literal's parameter c shadows the outer unbuffered c, so
// `c <- validateKey(key)` sends on errc, which is buffered. The outer c gets
// its sender only after the early return and is always received.
package main

import (
	"errors"
	"strings"
)

func validateKey(key string) error {
	if strings.ContainsAny(key, " \t") {
		return errors.New("key contains whitespace")
	}
	return nil
}

func normalize(key string) (string, error) {
	c := make(chan string)
	errc := make(chan error, 1)
	go func(c chan error) {
		c <- validateKey(key)
	}(errc)
	if key == "" {
		return "", errors.New("empty key")
	}
	go func() {
		c <- strings.ToLower(key)
	}()
	v := <-c
	if err := <-errc; err != nil {
		return "", err
	}
	return v, nil
}

func run() {
	_, _ = normalize("")
}
