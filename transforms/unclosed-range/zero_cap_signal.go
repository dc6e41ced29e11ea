// `make(chan struct{}, 0)` is unbuffered. A heartbeat counter goroutine uses a
// bare `for range beats` loop; run sends a few beats and returns without
// closing the channel, so the counter blocks forever.
package main

import "sync/atomic"

func run() {
	var n atomic.Int32
	beats := make(chan struct{}, 0)
	go func() {
		for range beats {
			n.Add(1)
		}
	}()

	for i := 0; i < 3; i++ {
		beats <- struct{}{}
	}
}
