// Positive: a decode goroutine reports a failure with a struct value and
// falls through to the success send; the parent takes one value. Fix:
// `return` after the first send.
package main

import "strconv"

type parsed struct {
	n   int
	err error
}

func parseAll(s string) (int, error) {
	res := make(chan parsed)
	go func() {
		n, err := strconv.Atoi(s)
		if err != nil {
			// report the failure
			res <- parsed{err: err}
		}
		res <- parsed{n: n}
	}()
	p := <-res
	return p.n, p.err
}

func run() {
	_, _ = parseAll("x")
}
