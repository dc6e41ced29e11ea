// Positive: a generic helper, `make(chan T)` with T a type parameter. The
// goroutine computes the first element passing keep; firstMatch returns
// early on an empty input and never receives it.
package main

import "errors"

var errNoInput = errors.New("no input")

func firstMatch[T any](xs []T, keep func(T) bool) (T, error) {
	found := make(chan T)
	go func() {
		var zero T
		for _, x := range xs {
			if keep(x) {
				zero = x
				break
			}
		}
		found <- zero
	}()
	var zero T
	if len(xs) == 0 {
		return zero, errNoInput
	}
	return <-found, nil
}

func run() {
	_, _ = firstMatch([]string{}, func(s string) bool { return s != "" })
}
