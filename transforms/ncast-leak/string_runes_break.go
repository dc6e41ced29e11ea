// Positive: one classifier goroutine per rune of a string; the parent breaks
// out of its receive loop at the first digit, so the rest block on their
// sends. len(s) counts bytes, never fewer than the runes ranged over, so it
// is a safe capacity.
package main

import "unicode"

type class struct {
	r     rune
	digit bool
}

func firstDigit(s string) (rune, bool) {
	classes := make(chan class)
	for _, r := range s {
		go func() {
			classes <- class{r: r, digit: unicode.IsDigit(r)}
		}()
	}
	for range s {
		if c := <-classes; c.digit {
			return c.r, true
		}
	}
	return 0, false
}

func run() {
	_, _ = firstDigit("größe 42ö")
}
