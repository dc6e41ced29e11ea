// The consumer is a named function in this file, started as `go drain(recs)`,
// whose parameter is ranged over. run sends records and returns without
// closing recs, so drain never finishes.
package main

import "strings"

type record struct {
	key, value string
}

func drain(in <-chan *record) {
	for r := range in {
		r.value = strings.TrimSpace(r.value)
	}
}

func run() {
	recs := make(chan *record)
	go drain(recs)

	for _, kv := range [][2]string{{"a", " 1 "}, {"b", "2 "}} {
		recs <- &record{key: kv[0], value: kv[1]}
	}
}
