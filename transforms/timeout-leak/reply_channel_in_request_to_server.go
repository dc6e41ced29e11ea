// Positive: the reply channel travels in the request sent to the server
// goroutine, which answers every request once on that field (the only use
// of `reply` in the package). When the caller's deadline wins, the server
// blocks forever on the answer. Capacity 1 lets its one send finish.
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
