// Two WaitGroups: run waits for the parsers, but the goroutines that send on
// rows are counted in `senders`, which nobody waits for. They may still be
// sending when run returns, so a deferred close could panic. Leaks; no edit.
package main

import (
	"strings"
	"sync"
)

func run() {
	rows := make(chan []string)
	go func() {
		for r := range rows {
			_ = len(r)
		}
	}()

	var parsers, senders sync.WaitGroup
	parsed := make([][]string, 2)
	for i, line := range []string{"a,b", "c,d,e"} {
		parsers.Add(1)
		go func() {
			defer parsers.Done()
			parsed[i] = strings.Split(line, ",")
		}()
	}
	parsers.Wait()

	for _, p := range parsed {
		senders.Add(1)
		go func() {
			defer senders.Done()
			rows <- p
		}()
	}
}
