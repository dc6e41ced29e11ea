// Not fixed: the server sends two values per request on its reply channel
// (a progress note, then the answer), so one slot would not free it when the
// caller gives up; the number it would need is not written anywhere.
package main

import "context"

type request struct {
	key   string
	reply chan string
}

type server struct {
	reqs chan request
}

func (s *server) loop() {
	for req := range s.reqs {
		req.reply <- "working on " + req.key
		req.reply <- "value of " + req.key
	}
}

func (s *server) Get(ctx context.Context, key string) (string, error) {
	req := request{key: key, reply: make(chan string)}
	s.reqs <- req
	<-req.reply
	select {
	case v := <-req.reply:
		return v, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func run() {
	s := &server{reqs: make(chan request)}
	go s.loop()
	_, _ = s.Get(context.Background(), "k")
	close(s.reqs)
}
