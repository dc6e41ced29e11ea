// Positive: a goroutine computes the checksum while the caller checks the
// header. On a bad header verify returns before receiving, so the goroutine
// blocks forever sending on the unbuffered sum channel.
package main

import (
	"errors"
	"hash/crc32"
)

var errBadHeader = errors.New("bad header")

func verify(payload []byte) (uint32, error) {
	sum := make(chan uint32)
	go func() {
		sum <- crc32.ChecksumIEEE(payload)
	}()
	if len(payload) < 4 || string(payload[:4]) != "LKF1" {
		return 0, errBadHeader
	}
	return <-sum, nil
}

func run() {
	_, _ = verify([]byte("junk data"))
}
