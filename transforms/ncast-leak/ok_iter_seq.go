// ok (leaks, not fixable): the loop ranges over an iter.Seq, a function
// value; how many times it yields is unknown and len() does not compile on
// it, so there is no capacity expression.
package main

import (
	"iter"
	"maps"
	"strings"
)

func longestKey(keys iter.Seq[string]) string {
	lens := make(chan string)
	for k := range keys {
		go func() {
			lens <- strings.Repeat("#", len(k))
		}()
	}
	return <-lens
}

func run() {
	m := map[string]int{"alpha": 1, "beta": 2, "gamma": 3}
	_ = longestKey(maps.Keys(m))
}
