// ok (no leak): the classic WaitGroup fan-in. A closer goroutine waits for
// all senders and closes the channel; the parent ranges until it is closed,
// so every value is received and nothing is left blocked.
package main

import (
	"strings"
	"sync"
)

func upperAll(words []string) []string {
	out := make(chan string)
	var wg sync.WaitGroup
	for _, w := range words {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out <- strings.ToUpper(w)
		}()
	}
	go func() {
		wg.Wait()
		close(out)
	}()
	var res []string
	for u := range out {
		res = append(res, u)
	}
	return res
}

func run() {
	_ = upperAll([]string{"x", "y", "z"})
}
