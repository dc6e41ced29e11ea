// Positive: `var counts chan int` then `counts = make(chan int)`; the channel
// goes to countWords, a named function in this file that sends exactly once.
// wordCount's select gives up after a timeout, leaving countWords blocked.
package main

import (
	"strings"
	"time"
)

func countWords(text string, out chan<- int) {
	time.Sleep(2 * time.Millisecond)
	out <- len(strings.Fields(text))
}

func wordCount(text string, limit time.Duration) (int, bool) {
	var counts chan int
	counts = make(chan int)
	go countWords(text, counts)

	select {
	case n := <-counts:
		return n, true
	case <-time.After(limit):
		return 0, false
	}
}

func run() {
	if _, ok := wordCount("the quick brown fox", time.Millisecond); !ok {
		return
	}
}
