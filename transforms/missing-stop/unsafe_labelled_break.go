// Positive: the loop is left by `break loop` in the stop case only. Fix
// (unsafe): `defer m.Stop()`.
package main

type monitor struct {
	events chan string
	stop   chan struct{}
	seen   int
}

func (m *monitor) Start() {
	go func() {
	loop:
		for {
			select {
			case <-m.events:
				m.seen++
			case <-m.stop:
				break loop
			}
		}
	}()
}

func (m *monitor) Stop() {
	close(m.stop)
}

func watch() {
	m := &monitor{events: make(chan string), stop: make(chan struct{})}
	m.Start()
	m.events <- "up"
}

func run() {
	watch()
}
