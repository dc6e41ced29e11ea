// ok (leaks, not fixable by an edit of the make): the slice that is ranged
// over is declared after the channel is made, so len(parts) does not
// compile at the make site.
package main

import "strings"

func split(s string) []string {
	return strings.Split(s, "/")
}

func firstSegment(path string) string {
	segs := make(chan string)
	parts := split(strings.Trim(path, "/"))
	for _, p := range parts {
		go func() {
			segs <- strings.ToLower(p)
		}()
	}
	return <-segs
}

func run() {
	_ = firstSegment("/usr/Local/Bin/")
}
