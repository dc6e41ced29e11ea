// ok (leaks, not fixable here): the reply channel is sent to a server
// goroutine inside a request, i.e. it escapes through another channel. The
// caller gives up when the server is busy, but leakfix must not edit.
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
