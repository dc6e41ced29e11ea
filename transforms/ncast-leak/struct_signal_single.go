// Positive: readiness signals of element type struct{}; one goroutine per
// dependency sends on `ready`, but the parent only waits for the first one
// before proceeding, so the other dependencies' goroutines leak.
package main

import "sync/atomic"

type dependency struct {
	name  string
	calls atomic.Int32
}

func (d *dependency) ping() {
	d.calls.Add(1)
}

func waitAnyReady(deps []*dependency) {
	ready := make(chan struct{})
	for _, d := range deps {
		go func(d *dependency) {
			d.ping()
			ready <- struct{}{}
		}(d)
	}
	<-ready
}

func run() {
	waitAnyReady([]*dependency{{name: "db"}, {name: "cache"}, {name: "queue"}})
}
