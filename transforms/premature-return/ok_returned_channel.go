// ok (leaks, not fixable here): the channel escapes because startFetch
// returns it to the caller, who owns the receive. The caller here drops it,
// so the goroutine leaks, but the fix belongs at the caller: no edit.
package main

import (
	"errors"
	"strconv"
)

type page struct {
	n    int
	body string
}

func startFetch(n int) (<-chan page, error) {
	c := make(chan page)
	go func() {
		c <- page{n: n, body: "page " + strconv.Itoa(n)}
	}()
	if n < 0 {
		return nil, errors.New("negative page")
	}
	return c, nil
}

func run() {
	c, err := startFetch(3)
	if err != nil {
		return
	}
	_ = c
}
