// Positive: the channel is made in a func literal (a subtest-style
// closure); its body ends with the close, and an early return inside the
// literal skips it. Fix: `defer close(done)` after the make, inside the
// literal, and the old close removed.
package main

import "errors"

func cases(names []string) int {
	failed := 0
	check := func(name string) error {
		done := make(chan struct{})
		go func() {
			<-done
		}()
		if name == "" {
			return errors.New("empty name")
		}
		close(done)
		return nil
	}
	for _, n := range names {
		if check(n) != nil {
			failed++
		}
	}
	return failed
}

func run() {
	_ = cases([]string{"a", ""})
}
