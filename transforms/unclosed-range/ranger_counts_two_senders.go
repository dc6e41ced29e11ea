// Positive: two senders outside any loop, each counted by its own
// wg.Add(1); the consumer counts what it receives. After the Wait both
// values are in, and the consumer blocks on the open channel forever.
// Fix: close(parts) after the Wait.
package main

import "sync"

func header() string { return "h" }

func body() string { return "b" }

func assemble() int {
	var wg sync.WaitGroup
	parts := make(chan string)
	size := 0
	go func() {
		for p := range parts {
			wg.Done()
			size += len(p)
		}
	}()
	wg.Add(1)
	go func() {
		parts <- header()
	}()
	wg.Add(1)
	go func() {
		parts <- body()
	}()
	wg.Wait()
	return size
}

func run() {
	_ = assemble()
}
