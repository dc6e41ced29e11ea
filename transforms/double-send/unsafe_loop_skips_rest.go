// Positive, unsafe fix: as in looped_branch_falls_through.go, but each
// round also counts the file it checked; the `return` after the loop's
// send skips that count in the rounds left, so the fix is unsafe and says
// so.
package main

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"
)

var checked atomic.Int64

func verify(files []string) error {
	errc := make(chan error)
	go func() {
		for _, f := range files {
			checked.Add(1)
			if strings.Contains(f, " ") {
				errc <- fmt.Errorf("lint %q: whitespace in file name", f)
			}
		}
		errc <- nil
	}()
	return <-errc
}

func run() {
	_ = verify([]string{"main.go", "my file.go", "x.go"})
	time.Sleep(20 * time.Millisecond)
}
