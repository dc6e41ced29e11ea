// Positive: subscribe asks a goroutine to set up a feed and hand back the
// (buffered) feed channel over an unbuffered `chan chan int`. If stop is
// closed first, the setup goroutine blocks forever on `subs <- feed`.
package main

import "time"

func openFeed(topic string) chan int {
	time.Sleep(2 * time.Millisecond)
	feed := make(chan int, len(topic))
	for i := range len(topic) {
		feed <- i
	}
	return feed
}

func subscribe(topic string, stop <-chan struct{}) (chan int, bool) {
	subs := make(chan chan int)
	go func() {
		feed := openFeed(topic)
		subs <- feed
	}()

	select {
	case feed := <-subs:
		return feed, true
	case <-stop:
		return nil, false
	}
}

func run() {
	stop := make(chan struct{})
	close(stop)
	if _, ok := subscribe("prices", stop); !ok {
		return
	}
}
