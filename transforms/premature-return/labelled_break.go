// Positive: the parent leaves the labelled scan loop with `break scan` on an
// aborted record and returns an error; only the END record receives the
// total, so the summing goroutine leaks on the abort path.
package main

import (
	"fmt"
	"strings"
)

func parseRecords(lines []string) (int, error) {
	total := make(chan int)
	go func() {
		n := 0
		for _, l := range lines {
			n += len(l)
		}
		total <- n
	}()
	count := 0
scan:
	for _, l := range lines {
		switch {
		case l == "END":
			return <-total / max(count, 1), nil
		case strings.HasPrefix(l, "!"):
			break scan
		}
		count++
	}
	return 0, fmt.Errorf("records: aborted after %d records", count)
}

func run() {
	_, _ = parseRecords([]string{"alpha", "beta", "!abort", "END"})
}
