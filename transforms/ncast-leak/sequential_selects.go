// Positive: the parent starts a lookup, waits for it with a deadline, then
// starts a second lookup on the same unbuffered channel and waits again.
// Either deadline returns with one goroutine still to send: it blocks
// forever. Capacity 2, one per goroutine, lets each send complete.
package main

import (
	"errors"
	"time"
)

var errDeadline = errors.New("lookup: deadline exceeded")

func lookup(zone string) string {
	time.Sleep(20 * time.Millisecond)
	return "addr." + zone
}

func resolveBoth(deadline time.Duration) (string, string, error) {
	addrs := make(chan string)
	go func() {
		addrs <- lookup("primary")
	}()
	var first, second string
	select {
	case first = <-addrs:
	case <-time.After(deadline):
		return "", "", errDeadline
	}
	go func() {
		addrs <- lookup("secondary")
	}()
	select {
	case second = <-addrs:
	case <-time.After(deadline):
		return first, "", errDeadline
	}
	return first, second, nil
}

func run() {
	_, _, _ = resolveBoth(time.Millisecond)
	time.Sleep(50 * time.Millisecond)
}
