// Positive: parseConfig starts a line counter, then panics on a malformed
// line before receiving its count. run recovers the panic, but the counter
// goroutine stays blocked on its send forever.
package main

import (
	"fmt"
	"strings"
)

func parseConfig(raw string) map[string]string {
	lines := make(chan int)
	go func() {
		lines <- strings.Count(raw, "\n") + 1
	}()
	cfg := make(map[string]string)
	for _, l := range strings.Split(raw, "\n") {
		k, v, ok := strings.Cut(l, "=")
		if !ok {
			panic(fmt.Sprintf("config: malformed line %q", l))
		}
		cfg[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	if n := <-lines; n != len(cfg) {
		panic(fmt.Sprintf("config: %d lines but %d keys", n, len(cfg)))
	}
	return cfg
}

func run() {
	defer func() {
		if r := recover(); r != nil {
			_ = r
		}
	}()
	parseConfig("a = 1\nbogus")
}
