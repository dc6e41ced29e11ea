// ok (no leak): the outer `status` is unbuffered but always received with a
// plain receive. Inside the if block `status :=` shadows it with a buffered
// channel, and that inner one is what the timeout select uses. No edit.
package main

import "time"

func probe(host string) string {
	time.Sleep(2 * time.Millisecond)
	return host + ": up"
}

func checkHosts(primary, backup string, d time.Duration) []string {
	var out []string
	status := make(chan string)
	go func() {
		status <- probe(primary)
	}()
	out = append(out, <-status)

	if backup != "" {
		status := make(chan string, 1)
		go func() {
			status <- probe(backup)
		}()
		select {
		case s := <-status:
			out = append(out, s)
		case <-time.After(d):
			out = append(out, backup+": timeout")
		}
	}
	return out
}

func run() {
	_ = checkHosts("a.internal", "b.internal", time.Millisecond)
}
