// Positive: the goroutines range over the fields of a line, which
// strings.Fields returns as a slice: len(fields) is the number of senders.
// The receive loop returns at the first bad field and leaves the rest
// blocked. Fix: capacity len(fields).
package main

import (
	"errors"
	"strconv"
	"strings"
)

func sumFields(line string) (int, error) {
	fields := strings.Fields(line)
	results := make(chan error)
	total := 0
	for _, f := range fields {
		go func(f string) {
			_, err := strconv.Atoi(f)
			results <- err
		}(f)
	}
	for range fields {
		if err := <-results; err != nil {
			return 0, errors.New("bad field")
		}
		total++
	}
	return total, nil
}

func run() {
	_, _ = sumFields("1 x 2 3")
}
