// ok (leaks, not fixable here): the closure variable is reassigned before
// the go statement, so which body runs is not known from the declaration.
package main

import "errors"

func lookup(key string, fast bool) (string, error) {
	res := make(chan string)
	fetch := func() {
		res <- "slow " + key
	}
	if fast {
		fetch = func() {
			res <- "fast " + key
			res <- "again " + key
		}
	}
	go fetch()
	if key == "" {
		return "", errors.New("empty key")
	}
	return <-res, nil
}

func run() {
	_, _ = lookup("", true)
}
