// Positive: the lint goroutine sends an error for each bad file name, in a
// loop, without returning, then sends nil: the parent receives once, so a
// second send blocks forever. A `return` after the loop's send leaves one
// send on every path; it skips only the later rounds' test (a `strings`
// call) and the last send: safe. (From the 2026-12-04 blind probe.)
package main

import (
	"fmt"
	"strings"
	"time"
)

func verify(files []string) error {
	errc := make(chan error)
	go func() {
		for _, f := range files {
			if strings.Contains(f, " ") {
				errc <- fmt.Errorf("lint %q: whitespace in file name", f)
			}
		}
		errc <- nil
	}()
	return <-errc
}
func run() { _ = verify([]string{"main.go", "my file.go"}); time.Sleep(20 * time.Millisecond) }
