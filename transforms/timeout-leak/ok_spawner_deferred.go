// Not fixed: the spawner is called in a `defer`, so its goroutine starts
// only when the function returns, after the select: the channel is handed
// to code that runs elsewhere, and leakfix leaves it alone.
package main

import "time"

func notifyAsync(out chan<- string) {
	go func() {
		out <- "done"
	}()
}

func wait(limit time.Duration) string {
	out := make(chan string)
	defer notifyAsync(out)
	select {
	case v := <-out:
		return v
	case <-time.After(limit):
		return "timeout"
	}
}

func run() {
	_ = wait(time.Millisecond)
	time.Sleep(10 * time.Millisecond)
}
