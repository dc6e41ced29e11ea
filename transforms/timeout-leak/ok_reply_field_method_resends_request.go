// Not fixed: the caller hands its request on again through a method
// (req.to(backup)), so two servers may answer it and one slot would not
// free the second.
package main

import (
	"context"
	"time"
)

type request struct {
	key   string
	reply chan string
}

type server struct {
	reqs chan request
}

// to hands the request to another replica.
func (r request) to(s *server) { s.reqs <- r }

func (s *server) loop() {
	for req := range s.reqs {
		time.Sleep(3 * time.Millisecond)
		req.reply <- "v:" + req.key
	}
}

// Get asks the primary and, when it is slow, hedges with the backup; the
// first answer wins.
func Get(ctx context.Context, primary, backup *server, key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	primary.reqs <- req
	select {
	case v := <-req.reply:
		return v, nil
	case <-time.After(time.Millisecond):
		req.to(backup)
	}
	select {
	case v := <-req.reply:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	a := &server{reqs: make(chan request)}
	b := &server{reqs: make(chan request)}
	go a.loop()
	go b.loop()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Millisecond)
	defer cancel()
	Get(ctx, a, b, "k")
	time.Sleep(20 * time.Millisecond)
	close(a.reqs)
	close(b.reqs)
}
