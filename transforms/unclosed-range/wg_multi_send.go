// Each producer goroutine sends several values in a loop; all producers are
// joined by wg.Wait() before run returns, so closing on return is safe even
// with multiple sends. The merging goroutine ranges over the unclosed channel.
package main

import (
	"strings"
	"sync"
)

func run() {
	docs := []string{"a b c", "d e", "f"}
	words := make(chan string)
	go func() {
		count := map[string]int{}
		for w := range words {
			count[w]++
		}
	}()

	var wg sync.WaitGroup
	for _, d := range docs {
		wg.Add(1)
		go func(text string) {
			defer wg.Done()
			for _, w := range strings.Fields(text) {
				words <- w
			}
		}(d)
	}
	wg.Wait()
}
