// Positive: the worker guards itself with a deferred recover (which does not
// send) and sends its checksum exactly once. waitChecksum takes `default` when
// the sum is not ready, so the worker blocks forever on `sums <- ...`.
package main

import (
	"crypto/sha256"
	"log"
	"time"
)

func checksum(data []byte) [32]byte {
	time.Sleep(time.Millisecond)
	return sha256.Sum256(data)
}

func waitChecksum(data []byte) ([32]byte, bool) {
	sums := make(chan [32]byte)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Printf("checksum panicked: %v", r)
			}
		}()
		sums <- checksum(data)
	}()

	select {
	case s := <-sums:
		return s, true
	default:
		return [32]byte{}, false
	}
}

func run() {
	_, _ = waitChecksum([]byte("payload"))
}
