// Not a leak: two lookups awaited one after the other, each with a
// deadline, on a channel with room for one value. At each return at most
// one goroutine has not been received, and the buffer takes its value.
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
	addrs := make(chan string, 1)
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
