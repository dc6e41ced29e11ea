// ok (leaks, not fixable): the loop ranges over a call, peers(); writing
// len(peers()) at the make would call it a second time and may not mean
// the number of goroutines started, so no capacity expression exists.
package main

import "strings"

func peers() []string {
	return strings.Split("10.0.0.1,10.0.0.2,10.0.0.3", ",")
}

func dial(addr string) string { return "conn:" + addr }

func anyPeer() string {
	conns := make(chan string)
	for _, p := range peers() {
		go func() {
			conns <- dial(p)
		}()
	}
	return <-conns
}

func run() {
	_ = anyPeer()
}
