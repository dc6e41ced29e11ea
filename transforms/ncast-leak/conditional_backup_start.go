// Positive: a primary route lookup always starts, a backup one only when
// asked; the parent takes the first route. With the backup started, the
// slower of the two blocks forever. Capacity 2.
package main

import "time"

func route(table string, delay time.Duration) []string {
	time.Sleep(delay)
	return []string{table}
}

func routes(backup bool) []string {
	found := make(chan []string)
	go func() { found <- route("primary", time.Millisecond) }()
	if backup {
		go func() { found <- route("backup", 5*time.Millisecond) }()
	}
	return <-found
}

func run() {
	_ = routes(true)
	time.Sleep(20 * time.Millisecond)
}
