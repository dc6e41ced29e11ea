// Positive (report only): the goroutine's literal calls a helper that
// sends on the channel in a loop (`forward(downstream, items)`), but
// `downstream` is declared without a value and never assigned: the first
// send on the nil channel blocks forever. Reported at the call, as for
// `go forward(downstream, items)`.
package main

import (
	"fmt"
	"strings"
)

func forward(out chan string, items []string) {
	for _, it := range items {
		out <- strings.ToUpper(it)
	}
}

type relay struct {
	prefix string
}

func (r *relay) start(items []string) string {
	var downstream chan string
	go func() {
		forward(downstream, items)
	}()
	return r.prefix + ": started"
}

func run() {
	r := &relay{prefix: "relay"}
	fmt.Println(r.start([]string{"x"}))
}
