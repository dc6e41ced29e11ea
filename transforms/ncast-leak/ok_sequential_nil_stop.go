// ok: the other select cases wait on a nil channel and never fire, so both
// answers are always received.
package main

import "time"

func work(d time.Duration) string { time.Sleep(d); return "x" }

func f() string {
	c := make(chan string)
	var stop chan struct{}
	go func() { c <- work(time.Millisecond) }()
	var v string
	select {
	case v = <-c:
	case <-stop:
		return ""
	}
	go func() { c <- work(time.Millisecond) }()
	select {
	case w := <-c:
		return v + w
	case <-stop:
		return ""
	}
}

func run() { f() }
