// Positive: `make(chan string, 0)` is still unbuffered. The select has a
// default case, so when the render is not ready yet the placeholder is returned
// and the render goroutine blocks forever on its only send.
package main

import (
	"strings"
	"time"
)

func render(name string) string {
	time.Sleep(time.Millisecond)
	return "== " + strings.ToUpper(name) + " =="
}

func bannerOrPlaceholder(name string) string {
	out := make(chan string, 0)
	go func() {
		out <- render(name)
	}()
	select {
	case s := <-out:
		return s
	default:
		return "loading..."
	}
}

func run() {
	_ = bannerOrPlaceholder("welcome")
}
