// Positive: the reply channel travels in the request sent to the server
// goroutine, which answers it once on that field (its only use in the
// package). The caller gives up when the server is busy and returns without
// the answer, so the server blocks forever. Capacity 1 lets its send finish.
package main

import "errors"

type request struct {
	key   string
	reply chan string
}

func serve(reqs <-chan request) {
	r := <-reqs
	r.reply <- "value-of-" + r.key
}

func get(key string, busy bool) (string, error) {
	reqs := make(chan request, 1)
	go serve(reqs)
	reply := make(chan string)
	reqs <- request{key: key, reply: reply}
	if busy {
		return "", errors.New("server busy")
	}
	return <-reply, nil
}

func run() {
	_, _ = get("k", true)
}
