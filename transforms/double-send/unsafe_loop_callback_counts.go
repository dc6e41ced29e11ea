// Positive, unsafe fix: the loop's test hands a method value to
// `strings.ContainsFunc`, which counts the runes it inspects; the
// `return` after the loop's send skips the later rounds' counting, so the
// fix is unsafe. (From the 2026-12-04 review, where it was graded safe.)
package main

import (
	"fmt"
	"strings"
	"time"
)

type checker struct {
	runes int // runes inspected, for the report
}

func (c *checker) bad(r rune) bool {
	c.runes++
	return r == ' ' || r == '\t'
}

func (c *checker) verify(files []string) error {
	errc := make(chan error)
	go func() {
		for _, f := range files {
			if strings.ContainsFunc(f, c.bad) {
				errc <- fmt.Errorf("lint %q: whitespace in file name", f)
			}
		}
		errc <- nil
	}()
	return <-errc
}

func run() {
	c := &checker{}
	fmt.Println(c.verify([]string{"main.go", "my file.go", "x.go", "y.go"}))
	time.Sleep(20 * time.Millisecond)
	fmt.Println("runes inspected", c.runes)
}
