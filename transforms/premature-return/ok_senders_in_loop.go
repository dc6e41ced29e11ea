// ok (leaks, wrong transform): one goroutine per host all send on the same
// unbuffered channel and the parent keeps only the first answer. Capacity 1
// would still leave n-1 senders blocked; this is ncast-leak's shape.
package main

import "strings"

func probe(host string) string {
	return strings.ToLower(host) + ":ok"
}

func fastest(hosts []string) string {
	answers := make(chan string)
	for _, h := range hosts {
		go func() {
			answers <- probe(h)
		}()
	}
	if len(hosts) == 0 {
		return ""
	}
	return <-answers
}

func run() {
	_ = fastest([]string{"A", "B", "C"})
}
