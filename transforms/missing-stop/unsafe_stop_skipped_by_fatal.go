// Positive: a test starts a fake server and stops it as its last
// statement; t.Fatalf on a failed check ends the test goroutine first, so
// the server's goroutine runs on. Fix (unsafe): `defer srv.Close()` after
// the start, and the old call removed.
package main

import (
	"runtime"
	"testing"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }

type server struct {
	reqs chan string
	quit chan struct{}
	seen int
}

func (s *server) Start() {
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

func testServer(t testing.TB, addr string) {
	srv := &server{reqs: make(chan string), quit: make(chan struct{})}
	srv.Start()
	if addr == "" {
		t.Fatalf("no address")
	}
	srv.reqs <- addr
	srv.Close()
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		testServer(fakeTB{}, "")
	}()
	<-done
}
