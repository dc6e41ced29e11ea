// Positive: on a load error the goroutine sends the error but does not
// return, so it falls through to the second send; the parent receives
// once and the second send blocks forever. Fix: `return` after the first
// send (it skips nothing but the second send: safe).
package main

import "errors"

type result struct {
	v   string
	err error
}

func load(key string) (string, error) {
	if key == "" {
		return "", errors.New("empty key")
	}
	return "v:" + key, nil
}

func fetch(key string) (string, error) {
	ch := make(chan result)
	go func() {
		v, err := load(key)
		if err != nil {
			ch <- result{err: err}
		}
		ch <- result{v: v}
	}()
	r := <-ch
	return r.v, r.err
}

func run() {
	_, _ = fetch("")
}
