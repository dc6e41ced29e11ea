// ok (no leak): every early return happens before the goroutine is started;
// once it runs, the only path left receives its result. A tool that ignores
// where the go statement sits would edit this wrongly.
package main

import (
	"errors"
	"strings"
)

func wordCount(text string, maxLen int) (int, error) {
	counted := make(chan int)
	if text == "" {
		return 0, errors.New("empty text")
	}
	if len(text) > maxLen {
		return 0, errors.New("text too long")
	}
	go func() {
		counted <- len(strings.Fields(text))
	}()
	return <-counted, nil
}

func run() {
	_, _ = wordCount("", 10)
	_, _ = wordCount("one two three", 100)
}
