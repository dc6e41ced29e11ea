// Inside the goroutine `events := source()` re-declares the name, so the range
// is over the channel source() returns (and closes), not over the events made
// in run. run's events is only used for a single send/receive. No leak.
package main

import "strings"

func source(words ...string) chan string {
	out := make(chan string, len(words))
	for _, w := range words {
		out <- w
	}
	close(out)
	return out
}

func run() {
	events := make(chan string)
	go func() {
		var b strings.Builder
		events := source("a", "b", "c")
		for e := range events {
			b.WriteString(e)
		}
		_ = b.String()
	}()

	go func() { events <- "ping" }()
	<-events
}
