// Positive, unsafe fix: as with a plain guard, the error send falls through
// to the guard's send or the final one, and the second blocks forever. But
// the guard's test calls a function (`!allowed(n)`), which the `return`
// would skip on the error path: graded unsafe, and the message names it.
package main

import (
	"errors"
	"strconv"
)

type result struct {
	n   int
	err error
}

var checked int

func allowed(n int) bool {
	checked++
	return n%2 == 0
}

func parseEven(s string, out chan result) {
	n, err := strconv.Atoi(s)
	if err != nil {
		out <- result{err: err}
	}
	if !allowed(n) {
		out <- result{err: errors.New("odd")}
		return
	}
	out <- result{n: n}
}

func even(s string) (int, error) {
	c := make(chan result)
	go parseEven(s, c)
	r := <-c
	return r.n, r.err
}

func run() {
	_, _ = even("x")
}
