// Already fixed: `defer close(lines)` follows the make, so the printer
// goroutine's range ends when run returns. No leak; leakfix must not add a
// second close (that would panic).
package main

import (
	"fmt"
	"io"
)

func run() {
	lines := make(chan string)
	defer close(lines)
	go func() {
		for l := range lines {
			fmt.Fprintln(io.Discard, l)
		}
	}()

	lines <- "one"
	lines <- "two"
}
