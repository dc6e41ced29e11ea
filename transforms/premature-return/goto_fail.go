// Positive: the digest goroutine sends once; decode jumps to the fail label
// with goto on empty or oversized input and returns without receiving, so
// the goroutine is stuck on the unbuffered send.
package main

import (
	"crypto/sha256"
	"errors"
	"fmt"
)

var errEmpty = errors.New("empty input")

func decode(data []byte, want [32]byte) (n int, err error) {
	var d [32]byte
	digest := make(chan [32]byte)
	go func() {
		digest <- sha256.Sum256(data)
	}()
	if len(data) == 0 {
		err = errEmpty
		goto fail
	}
	if len(data) > 1<<20 {
		err = fmt.Errorf("input too large: %d bytes", len(data))
		goto fail
	}
	d = <-digest
	if d != want {
		err = errors.New("digest mismatch")
		goto fail
	}
	return len(data), nil
fail:
	return 0, fmt.Errorf("decode: %w", err)
}

func run() {
	_, _ = decode(nil, [32]byte{})
}
