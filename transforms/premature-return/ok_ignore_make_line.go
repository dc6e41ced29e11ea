// ok (leaks, suppressed): exactly the early-return positive shape, but the
// make line carries //leakfix:ignore, so leakfix must leave it alone.
package main

import (
	"errors"
	"strconv"
)

func parsePort(s string, reserved map[int]bool) (int, error) {
	parsed := make(chan int) //leakfix:ignore
	go func() {
		n, err := strconv.Atoi(s)
		if err != nil {
			n = -1
		}
		parsed <- n
	}()
	if s == "" {
		return 0, errors.New("empty port")
	}
	n := <-parsed
	if n < 0 || reserved[n] {
		return 0, errors.New("bad port " + s)
	}
	return n, nil
}

func run() {
	_, _ = parsePort("", nil)
}
