// ok (no leak): the receive loop is a select with a ticker case, but the
// tick only logs progress and the loop ends only after one value per
// goroutine has arrived, so every sender is received.
package main

import (
	"log"
	"time"
)

func compress(b []byte) int { return len(b) / 2 }

func compressAll(blobs [][]byte) int {
	sizes := make(chan int)
	for _, b := range blobs {
		go func() {
			sizes <- compress(b)
		}()
	}
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	total := 0
	for got := 0; got < len(blobs); {
		select {
		case n := <-sizes:
			total += n
			got++
		case <-tick.C:
			log.Printf("compress: %d of %d done", got, len(blobs))
		}
	}
	return total
}

func run() {
	_ = compressAll([][]byte{[]byte("aaaa"), []byte("bb"), []byte("cccccc")})
}
