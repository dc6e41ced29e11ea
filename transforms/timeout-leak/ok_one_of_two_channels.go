// ok: the worker sends on exactly one of two channels on every path (the
// result, or the error), and the parent's select receives from both. Which
// ever it sends is received: nothing leaks, and neither channel needs a
// buffer.
package main

import "errors"

func parse(s string) (int, error) {
	if s == "" {
		return 0, errors.New("empty")
	}
	return len(s), nil
}

func parseAsync(s string) (int, error) {
	resc := make(chan int)
	errc := make(chan error)
	go func() {
		n, err := parse(s)
		if err != nil {
			errc <- err
			return
		}
		resc <- n
	}()
	select {
	case n := <-resc:
		return n, nil
	case err := <-errc:
		return 0, err
	}
}

func run() {
	_, _ = parseAsync("")
	_, _ = parseAsync("abc")
}
