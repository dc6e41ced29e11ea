// Positive: one probe goroutine per mirror (range over a []string parameter)
// sends on an unbuffered channel, but the parent returns after the first
// receive, so every slower probe blocks forever on its send.
package main

import (
	"errors"
	"strings"
)

func probe(mirror string) string {
	return "https://" + strings.ToLower(mirror)
}

func fastestMirror(mirrors []string) (string, error) {
	if len(mirrors) == 0 {
		return "", errors.New("no mirrors configured")
	}
	c := make(chan string)
	for _, m := range mirrors {
		go func() {
			c <- probe(m)
		}()
	}
	return <-c, nil
}

func run() {
	_, _ = fastestMirror([]string{"EU.example", "US.example", "AP.example"})
}
