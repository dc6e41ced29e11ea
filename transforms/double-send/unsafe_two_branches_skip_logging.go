// Positive, unsafe fix: the worker sends in two branches without
// returning and then sends its result; the parent receives once. The
// `return`s stop the extra sends, but the first one also skips the
// `log.Printf` between the branches and the second test, which calls a
// function: graded unsafe, and the message names what it skips.
package main

import (
	"log"
	"strings"
	"time"
)

func parse(line string) string {
	out := make(chan string)
	go func() {
		if line == "" {
			out <- ""
		}
		log.Printf("parsing %q", line)
		if strings.HasPrefix(line, "#") {
			out <- "comment"
		}
		out <- strings.ToUpper(line)
	}()
	return <-out
}

func run() {
	_ = parse("")
	_ = parse("#x")
	time.Sleep(20 * time.Millisecond)
}
