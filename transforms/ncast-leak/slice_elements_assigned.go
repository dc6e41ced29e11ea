// Positive: the slice the launch loop ranges over is filled by index
// (`addrs[i] = ...`), which cannot change its length, so `len(addrs)` at the
// make is the number of goroutines. The parent takes the first answer.
package main

import "fmt"

func firstUp(n int) string {
	addrs := make([]string, n)
	for i := range addrs {
		addrs[i] = fmt.Sprintf("10.0.0.%d", i+1)
	}
	up := make(chan string)
	for _, a := range addrs {
		go func() {
			up <- a
		}()
	}
	return <-up
}

func run() {
	_ = firstUp(3)
}
