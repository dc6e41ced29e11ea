// ok (no edit): the loop's condition receives a token each round (`&&
// <-budget`); a `return` after the loop's send would skip those receives
// and strand the budget's producer instead. Refused. (From the 2026-12-04
// review.)
package main

import (
	"fmt"
	"strings"
	"time"
)

// verify checks files while the caller's budget allows; each round takes
// one token from the budget.
func verify(files []string, budget chan bool) error {
	errc := make(chan error)
	go func() {
		for i := 0; i < len(files) && <-budget; i++ {
			if strings.Contains(files[i], " ") {
				errc <- fmt.Errorf("lint %q: whitespace in file name", files[i])
			}
		}
		errc <- nil
	}()
	return <-errc
}

func run() {
	budget := make(chan bool)
	go func() {
		for i := 0; i < 4; i++ {
			budget <- true
		}
	}()
	fmt.Println(verify([]string{"main.go", "my file.go", "x.go", "y.go"}, budget))
	time.Sleep(20 * time.Millisecond)
}
