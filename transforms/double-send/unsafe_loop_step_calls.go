// Positive, unsafe fix: the counting loop's step calls `c.next(i)`, which
// records each file checked; the `return` after the loop's send skips the
// later steps, so the fix is unsafe. (From the 2026-12-04 review, where it
// was graded safe.)
package main

import (
	"fmt"
	"strings"
	"time"
)

type cursor struct {
	files []string
	seen  []string
}

// next records the file just checked and moves on.
func (c *cursor) next(i int) int {
	c.seen = append(c.seen, c.files[i])
	return i + 1
}

func verify(c *cursor) error {
	errc := make(chan error)
	go func() {
		for i := 0; i < len(c.files); i = c.next(i) {
			if strings.Contains(c.files[i], " ") {
				errc <- fmt.Errorf("lint %q: whitespace in file name", c.files[i])
			}
		}
		errc <- nil
	}()
	return <-errc
}

func run() {
	c := &cursor{files: []string{"main.go", "my file.go", "x.go", "y.go"}}
	fmt.Println(verify(c))
	time.Sleep(20 * time.Millisecond)
	fmt.Println("seen", c.seen)
}
