// ok: Flush closes the done field through a package function: a deferred Stop would close it twice.
package main

import "sync"

type metrics struct {
	events chan string
	done   chan struct{}
	mu     sync.Mutex
	counts map[string]int
}

func newMetrics() *metrics {
	return &metrics{events: make(chan string), done: make(chan struct{}), counts: map[string]int{}}
}

func (m *metrics) Start() {
	go func() {
		for {
			select {
			case e := <-m.events:
				m.mu.Lock()
				m.counts[e]++
				m.mu.Unlock()
			case <-m.done:
				return
			}
		}
	}()
}

func (m *metrics) Emit(e string) { m.events <- e }

func (m *metrics) Stop() { close(m.done) }

func signal(c chan struct{}) { close(c) }

func (m *metrics) Flush() { signal(m.done) }

func record(evs []string) {
	m := newMetrics()
	m.Start()
	for _, e := range evs {
		m.Emit(e)
	}
	m.Flush()
}

func run() {
	record([]string{"login", "logout"})
}
