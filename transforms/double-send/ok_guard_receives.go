// ok (leaks, not fixed): the second branch's test receives an
// acknowledgement the parent sends after its one receive; a `return` after
// the first send would skip that receive and strand the parent's send (a
// deadlock), so it is not a guard and no edit is made. (Found by a review.)
package main

import (
	"errors"
	"fmt"
	"strconv"
)

type result struct {
	n   int
	err error
}

// parse sends its result; the parent acknowledges every result it takes
// on ack (false asks the worker to stop).
func parse(s string) (int, error) {
	out := make(chan result)
	ack := make(chan bool)
	go func() {
		n, err := strconv.Atoi(s)
		if err != nil {
			out <- result{err: err}
		}
		if !<-ack {
			out <- result{err: errors.New("cancelled")}
			return
		}
		out <- result{n: n}
	}()
	r := <-out
	ack <- true
	return r.n, r.err
}

func run() {
	fmt.Println(parse("x"))
}
