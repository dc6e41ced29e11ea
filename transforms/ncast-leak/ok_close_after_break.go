// Not fixed: the receive loop can break, then the parent closes the
// channel while senders may still be sending: with a buffer some of them
// would complete, others still meet the close and panic. leakfix leaves it.
package main

import "errors"

func check(s string) error {
	if s == "" {
		return errors.New("empty")
	}
	return nil
}

func firstError(items []string) error {
	errc := make(chan error)
	for _, it := range items {
		go func(s string) {
			errc <- check(s)
		}(it)
	}
	var first error
	for range items {
		if err := <-errc; err != nil {
			first = err
			break
		}
	}
	close(errc)
	return first
}

func run() {
	defer func() { _ = recover() }()
	_ = firstError([]string{"a", "b"})
}
