// Positive: asyncHash makes the channel, starts the one goroutine that sends
// on it and returns it receive-only; hashOrZero receives from the call at
// once, in a select beside time.After. When the timer wins, the hashing
// goroutine blocks forever. The fix buffers the channel where asyncHash
// makes it: callers can only receive, and the sender does nothing after.
package main

import (
	"hash/crc32"
	"time"
)

func asyncHash(data []byte) <-chan uint32 {
	sums := make(chan uint32)
	go func() {
		time.Sleep(2 * time.Millisecond)
		sums <- crc32.ChecksumIEEE(data)
	}()
	return sums
}

func hashOrZero(data []byte, d time.Duration) uint32 {
	select {
	case s := <-asyncHash(data):
		return s
	case <-time.After(d):
		return 0
	}
}

func run() {
	_ = hashOrZero([]byte("abc"), time.Millisecond)
}
