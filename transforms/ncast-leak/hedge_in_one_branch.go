// Positive: when hedging, two lookups are started, otherwise one; either
// way the parent takes the first answer and returns. On the hedged path
// the slower lookup blocks forever. Capacity 2, the most started on any
// path.
package main

import "time"

func lookup(zone string, delay time.Duration) string {
	time.Sleep(delay)
	return "addr." + zone
}

func resolve(zone string, hedge bool) string {
	got := make(chan string)
	if hedge {
		go func() { got <- lookup(zone, time.Millisecond) }()
		go func() { got <- lookup(zone, 5*time.Millisecond) }()
	} else {
		go func() { got <- lookup(zone, time.Millisecond) }()
	}
	return <-got
}

func run() {
	_ = resolve("eu", true)
	time.Sleep(20 * time.Millisecond)
}
