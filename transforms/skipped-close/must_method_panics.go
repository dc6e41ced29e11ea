// Positive: a `must` method of the file panics on bad input
// (`l.mustParse(c)`), which leaves the function before its final
// `close(finished)`; the goroutine waiting for that close then blocks
// forever. The close moves into a defer after the make, which also runs
// while the panic unwinds.
package main

import (
	"fmt"
	"strconv"
)

type loader struct {
	loaded int
}

func (l *loader) mustParse(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		panic(fmt.Sprintf("loader: bad count %q", s))
	}
	return n
}

func (l *loader) load(counts []string) {
	finished := make(chan struct{})
	go func() {
		<-finished
	}()
	for _, c := range counts {
		l.loaded += l.mustParse(c)
	}
	close(finished)
}

func run() {
	defer func() { _ = recover() }()
	l := &loader{}
	l.load([]string{"1", "x"})
}
