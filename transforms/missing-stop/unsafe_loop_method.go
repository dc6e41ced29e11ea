// Positive: Start runs the receiver's loop method as the goroutine (`go
// s.loop()`); only Stop's close ends that loop. The function starts the
// scheduler and never stops it. Fix (unsafe): `defer s.Stop()`.
package main

type scheduler struct {
	jobs chan func()
	stop chan struct{}
}

func (s *scheduler) loop() {
	for {
		select {
		case job := <-s.jobs:
			job()
		case <-s.stop:
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

func schedule(n int) int {
	s := &scheduler{jobs: make(chan func()), stop: make(chan struct{})}
	s.Start()
	done := 0
	for range n {
		s.jobs <- func() { done++ }
	}
	return done
}

func run() {
	_ = schedule(2)
}
