// ok: the helper's select waits on the result channel and on an error
// channel the caller also hands it; the goroutine sends on exactly one of
// them, so one of the two cases always takes its value. leakfix cannot tell
// from the helper alone that the other case is that partner, and makes no
// finding.
package main

import "strconv"

func await(vals <-chan int, errs <-chan error) (int, error) {
	select {
	case v := <-vals:
		return v, nil
	case err := <-errs:
		return 0, err
	}
}

func parse(s string) (int, error) {
	vals := make(chan int)
	errs := make(chan error)
	go func() {
		n, err := strconv.Atoi(s)
		if err != nil {
			errs <- err
			return
		}
		vals <- n
	}()
	return await(vals, errs)
}

func run() {
	_, _ = parse("12")
	_, _ = parse("x")
}
