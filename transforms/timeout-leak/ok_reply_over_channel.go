// ok (leaks, but not edited): the reply channel is itself sent on the
// requests channel to a server goroutine. Once it has been sent on another
// channel it escapes, so leakfix must not edit its make.
package main

import "time"

type request struct {
	key   string
	reply chan string
}

func serve(reqs <-chan request) {
	for r := range reqs {
		time.Sleep(2 * time.Millisecond)
		r.reply <- "value-of-" + r.key
	}
}

func ask(reqs chan<- request, key string, d time.Duration) (string, bool) {
	reply := make(chan string)
	reqs <- request{key: key, reply: reply}
	select {
	case v := <-reply:
		return v, true
	case <-time.After(d):
		return "", false
	}
}

func run() {
	reqs := make(chan request, 1)
	go serve(reqs)
	defer close(reqs)
	_, _ = ask(reqs, "color", time.Millisecond)
}
