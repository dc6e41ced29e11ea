// Positive: the helper sends the parse error without returning, then a range
// guard (`if n <= 0 || n > 65535 { out <- ...; return }`) or the final send
// sends a second time on that path; the parent receives once, so that send
// blocks forever. A `return` after the first send skips only the guard's
// test (no call) and the later sends: safe.
package main

import (
	"errors"
	"strconv"
)

type portResult struct {
	port int
	err  error
}

func parsePort(s string, out chan portResult) {
	n, err := strconv.Atoi(s)
	if err != nil {
		out <- portResult{err: err}
	}
	if n <= 0 || n > 65535 {
		out <- portResult{err: errors.New("port out of range")}
		return
	}
	out <- portResult{port: n}
}

func listenAddr(host, port string) (string, error) {
	pc := make(chan portResult)
	go parsePort(port, pc)
	r := <-pc
	if r.err != nil {
		return "", r.err
	}
	return host + ":" + strconv.Itoa(r.port), nil
}

func run() {
	_, _ = listenAddr("localhost", "http")
}
