// ok (no finding): the nil channel is assigned by a closure (`open`)
// before anything is sent, so it may not be nil when the goroutine's range
// matters: a variable assigned anywhere, closures included, is refused.
package main

import "time"

func watch(apply func(string)) func(string) {
	var events chan string
	open := func() { events = make(chan string, 1) }
	open()
	go func() {
		for ev := range events {
			apply(ev)
		}
	}()
	return func(path string) { events <- path }
}

func run() {
	send := watch(func(string) {})
	send("/etc/app.yaml")
	time.Sleep(20 * time.Millisecond)
}
