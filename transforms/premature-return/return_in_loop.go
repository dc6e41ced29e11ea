// Positive: the parent validates every field in a loop after starting the
// size estimator and returns from inside the loop on the first invalid
// field, skipping the receive, so the estimator blocks on its send.
package main

import (
	"fmt"
	"unicode/utf8"
)

type field struct {
	name  string
	value string
}

func encode(fields []field) (int, error) {
	size := make(chan int)
	go func() {
		n := 0
		for _, f := range fields {
			n += len(f.name) + len(f.value) + 2
		}
		size <- n
	}()
	for i, f := range fields {
		if f.name == "" {
			return 0, fmt.Errorf("field %d: missing name", i)
		}
		if !utf8.ValidString(f.value) {
			return 0, fmt.Errorf("field %s: invalid utf-8", f.name)
		}
	}
	return <-size, nil
}

func run() {
	_, _ = encode([]field{{"a", "ok"}, {"b", "\xff\xfe"}})
}
