// ok: checksumAsync returns the channel its goroutine sends on, and verify
// receives from it before it can return. Nothing leaks; nothing to edit.
package main

import (
	"errors"
	"hash/crc32"
)

func checksumAsync(data []byte) <-chan uint32 {
	sum := make(chan uint32)
	go func() {
		sum <- crc32.ChecksumIEEE(data)
	}()
	return sum
}

func verify(data []byte, want uint32) error {
	got := checksumAsync(data)
	if <-got != want {
		return errors.New("checksum mismatch")
	}
	return nil
}

func run() {
	_ = verify([]byte("abc"), 1)
}
