// Unsafe fix: the parent polls `len(toks)` before it receives; a buffer
// changes what it reads (the value may be waiting), so the capacity fix is
// graded unsafe and says so.
package main

import (
	"fmt"
	"time"
)

func first() string {
	toks := make(chan string)
	go func() {
		toks <- "abc"
	}()
	time.Sleep(5 * time.Millisecond)
	if len(toks) == 0 {
		return "not ready"
	}
	return <-toks
}

func run() {
	fmt.Println(first())
}
