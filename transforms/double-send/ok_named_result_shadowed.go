// ok (leaks, not fixable): the goroutine's named result `err` is shadowed
// by `if err := validate(s)` around the first send, so a bare `return`
// there does not compile; reported without a fix. (Found by a review.)
package main

import (
	"errors"
	"fmt"
)

type result struct {
	n   int
	err error
}

func validate(s string) error {
	if s == "" {
		return errors.New("empty")
	}
	return nil
}

func length(s string) (int, error) {
	c := make(chan result)
	go func() (err error) {
		if err := validate(s); err != nil {
			c <- result{err: err}
		}
		c <- result{n: len(s)}
		return nil
	}()
	r := <-c
	return r.n, r.err
}

func run() {
	fmt.Println(length(""))
	fmt.Println(length("abc"))
}
