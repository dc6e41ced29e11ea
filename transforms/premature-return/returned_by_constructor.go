// Positive: lookupAsync makes the channel, starts the one goroutine that
// sends on it and returns it receive-only. resolve takes it and returns on a
// bad key before receiving, so the sender lookupAsync started blocks forever.
// The fix buffers the channel where lookupAsync makes it: every caller can
// only receive from it, and the goroutine does nothing after its send.
package main

import (
	"errors"
	"strings"
	"time"
)

func lookupAsync(host string) <-chan string {
	addr := make(chan string)
	go func() {
		time.Sleep(time.Millisecond)
		addr <- strings.ToLower(host) + ":443"
	}()
	return addr
}

func resolve(host string) (string, error) {
	pending := lookupAsync(host)
	if strings.ContainsAny(host, " /") {
		return "", errors.New("bad host")
	}
	return <-pending, nil
}

func run() {
	_, _ = resolve("bad host")
}
