// Positive: two goroutines, started one after the other (no loop), each
// send one answer; the parent takes the first and returns, so the slower
// one blocks forever on the unbuffered channel. Capacity 2, one per sender.
package main

import "strings"

func primary(key string) string { return "primary:" + key }

func replica(key string) string { return "replica:" + strings.ToUpper(key) }

func hedged(key string) string {
	answers := make(chan string)
	go func() {
		answers <- primary(key)
	}()
	go func() {
		answers <- replica(key)
	}()
	return <-answers
}

func run() {
	_ = hedged("k")
}
