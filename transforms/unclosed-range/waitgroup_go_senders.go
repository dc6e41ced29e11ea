// Positive: producers started with sync.WaitGroup.Go each send their items;
// a consumer ranges over the channel. The parent waits for the producers and
// returns without closing the channel, so the consumer ranges forever.
package main

import "sync"

func consume(parts [][]int) {
	var wg sync.WaitGroup
	items := make(chan int)
	go func() {
		for v := range items {
			_ = v
		}
	}()
	for _, p := range parts {
		wg.Go(func() {
			for _, v := range p {
				items <- v
			}
		})
	}
	wg.Wait()
}

func run() {
	consume([][]int{{1, 2}, {3}})
}
