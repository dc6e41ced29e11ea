// ok (reported, no fix): wg.Add counts one slice while the loop starting
// the senders ranges over another; the lengths are not known to agree, so
// the Wait is not shown to mean every item was received.
package main

import "sync"

func merge(keys, values []string) int {
	var wg sync.WaitGroup
	total := 0
	pairs := make(chan string)
	wg.Add(len(keys))
	for _, v := range values {
		go func() {
			pairs <- v
		}()
	}
	go func() {
		for p := range pairs {
			total += len(p)
			wg.Done()
		}
	}()
	wg.Wait()
	return total
}

func run() {
	_ = merge([]string{"a", "b"}, []string{"x", "y"})
}
