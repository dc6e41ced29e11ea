// Positive: the parent assigns its one receive (`v = <-c`); the goroutine
// sends a default on a short input and falls through to the real send.
// Fix: `return` after the first send.
package main

import "strings"

func firstWord(s string) string {
	var v string
	c := make(chan string)
	go func() {
		fields := strings.Fields(s)
		if len(fields) == 0 {
			c <- ""
		}
		c <- strings.Join(fields[:min(1, len(fields))], "")
	}()
	v = <-c
	return v
}

func run() {
	_ = firstWord("")
}
