// A logger goroutine ranges over lines made in run(); run sends a few lines
// directly and returns without closing the channel, so the logger blocks in
// its range loop forever.
package main

import (
	"fmt"
	"io"
	"strings"
)

func run() {
	lines := make(chan string)
	go func() {
		for line := range lines {
			fmt.Fprintln(io.Discard, strings.TrimSpace(line))
		}
	}()

	lines <- "starting"
	lines <- "  working  "
	lines <- "done"
}
