// Positive (report only): `events` is never assigned, so the watcher
// goroutine ranges over a nil channel forever; the returned closure's
// non-blocking send on it never succeeds either. A nil channel used in a
// closure still counts when nothing anywhere assigns it or takes its
// address. (From the 2026-12-04 blind probe.)
package main

import "time"

func watch(apply func(string)) func(string) bool {
	var events chan string
	go func() {
		for ev := range events {
			apply(ev)
		}
	}()
	return func(path string) bool {
		select {
		case events <- path:
			return true
		default:
			return false
		}
	}
}
func run() { _ = watch(func(string) {})("/etc/app.yaml"); time.Sleep(20 * time.Millisecond) }
