// Positive: Stop sends on the stop channel instead of closing it; the
// goroutine returns on that receive. Fix (unsafe): `defer s.Stop()`.
package main

type spinner struct {
	stop chan bool
	tick chan int
}

func (s spinner) Start() {
	go func() {
		for {
			select {
			case <-s.stop:
				return
			case s.tick <- 1:
			}
		}
	}()
}

func (s spinner) Stop() {
	s.stop <- true
}

func spin() int {
	s := spinner{stop: make(chan bool), tick: make(chan int)}
	s.Start()
	return <-s.tick
}

func run() {
	_ = spin()
}
