// Positive (report only): the channel variable is declared but never made,
// then handed to a named consumer started as a goroutine; ranging over a
// nil channel blocks forever.
package main

import "time"

type alert struct{ msg string }

func drainAlerts(alerts chan alert) {
	for a := range alerts {
		_ = a.msg
	}
}

func monitor() {
	var alerts chan alert
	go drainAlerts(alerts)
	time.Sleep(time.Millisecond)
}

func run() {
	monitor()
}
