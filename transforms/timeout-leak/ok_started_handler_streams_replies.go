// ok (no edit): the handler started with the request answers once per
// row, in a loop, so one slot of buffer would not let it finish when the
// caller gives up: a reply field sent on in a loop is refused.
package main

import (
	"errors"
	"time"
)

type scan struct {
	prefix string
	rows   chan string
}

func serve(sc scan) {
	for _, r := range []string{sc.prefix + "1", sc.prefix + "2"} {
		sc.rows <- r
	}
}

func first(prefix string) (string, error) {
	sc := scan{prefix: prefix, rows: make(chan string)}
	go serve(sc)
	select {
	case r := <-sc.rows:
		return r, nil
	case <-time.After(time.Millisecond):
		return "", errors.New("scan timed out")
	}
}

func run() {
	_, _ = first("k")
	time.Sleep(20 * time.Millisecond)
}
