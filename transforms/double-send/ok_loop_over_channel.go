// ok (no edit): the branch that sends without returning is in a loop
// ranging over a channel; a `return` there would stop receiving from
// `names`, and its sender would block forever. A loop that is not bounded
// by a slice, array, map, integer or counting clause is refused.
package main

import (
	"fmt"
	"strings"
	"time"
)

func verify(names chan string) error {
	errc := make(chan error)
	go func() {
		for f := range names {
			if strings.Contains(f, " ") {
				errc <- fmt.Errorf("lint %q: whitespace in file name", f)
			}
		}
		errc <- nil
	}()
	return <-errc
}

func run() {
	names := make(chan string, 2)
	names <- "my file.go"
	names <- "x.go"
	close(names)
	_ = verify(names)
	time.Sleep(20 * time.Millisecond)
}
