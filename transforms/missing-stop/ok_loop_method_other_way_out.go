// ok: the loop method also returns when its idle timer fires, so the
// goroutine ends without Stop.
package main

import "time"

type scheduler struct {
	stop chan struct{}
}

func (s *scheduler) loop() {
	for {
		select {
		case <-s.stop:
			return
		case <-time.After(time.Millisecond):
			return
		}
	}
}

func (s *scheduler) Start() {
	go s.loop()
}

func (s *scheduler) Stop() {
	close(s.stop)
}

func schedule() {
	s := &scheduler{stop: make(chan struct{})}
	s.Start()
}

func run() {
	schedule()
	time.Sleep(20 * time.Millisecond)
}
