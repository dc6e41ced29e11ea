// ok (leaks, but not edited): asyncHash returns its channel, so the receive
// and the time.After select live in the caller. The channel escapes the
// function that made it; leakfix must not change the make.
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
