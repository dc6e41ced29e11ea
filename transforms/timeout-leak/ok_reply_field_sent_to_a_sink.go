// Not fixed: the request goes to an auditor that never answers; another
// type's loop answers requests from a channel of the same name, so the
// consumers of that name are not all the handler.
package main

import (
	"context"
	"time"
)

type request struct {
	key   string
	reply chan string
}

type cache struct {
	reqs chan request
}

func (c *cache) loop() {
	for req := range c.reqs {
		req.reply <- "v:" + req.key
	}
}

// auditor counts requests; it never answers them.
type auditor struct {
	reqs chan request
	n    int
}

func (a *auditor) loop() {
	for range a.reqs {
		a.n++
	}
}

// Probe asks the auditor, with a deadline: it is expected to time out.
func (a *auditor) Probe(ctx context.Context, key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	a.reqs <- req
	select {
	case v := <-req.reply:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	c := &cache{reqs: make(chan request)}
	go c.loop()
	a := &auditor{reqs: make(chan request)}
	go a.loop()
	ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	a.Probe(ctx, "a")
	close(a.reqs)
	close(c.reqs)
}
