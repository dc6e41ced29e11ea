// Positive: the value comes from a constructor of the package that
// returns a fresh `&server{...}`; the function starts it and never stops
// it. Fix (unsafe): `defer s.Close()`.
package main

type server struct {
	reqs chan string
	quit chan struct{}
	seen int
}

func newServer() *server {
	return &server{reqs: make(chan string), quit: make(chan struct{})}
}

func (s *server) Serve() {
	go func() {
		for {
			select {
			case <-s.reqs:
				s.seen++
			case <-s.quit:
				return
			}
		}
	}()
}

func (s *server) Close() {
	close(s.quit)
}

func handle(reqs []string) {
	s := newServer()
	s.Serve()
	for _, r := range reqs {
		s.reqs <- r
	}
}

func run() {
	handle([]string{"a", "b"})
}
