// ok: either timeout jumps to a label that receives the one goroutine still
// to send, so every path receives what it starts (the goto is not an exit).
package main

import "time"

func work(d time.Duration) string { time.Sleep(d); return "x" }

func f() string {
	c := make(chan string)
	go func() { c <- work(3 * time.Millisecond) }()
	var v string
	select {
	case v = <-c:
	case <-time.After(time.Millisecond):
		goto drain
	}
	go func() { c <- work(3 * time.Millisecond) }()
	select {
	case w := <-c:
		return v + w
	case <-time.After(time.Millisecond):
		goto drain
	}
drain:
	<-c
	return ""
}

func run() { f(); time.Sleep(20 * time.Millisecond) }
