// The channel is declared with `var events = make(...)`. An auditor goroutine
// ranges over it while run emits events directly; run returns without
// closing events and the auditor waits forever.
package main

import "time"

type event struct {
	kind string
	at   time.Time
}

func run() {
	var events = make(chan event)
	go func() {
		var last time.Time
		for ev := range events {
			if ev.at.After(last) {
				last = ev.at
			}
		}
	}()

	for _, k := range []string{"open", "write", "close"} {
		events <- event{kind: k, at: time.Now()}
	}
}
