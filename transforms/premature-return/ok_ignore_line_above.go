// ok (leaks, suppressed): the line above the make carries
// //leakfix:ignore premature-return timeout-leak, naming this transform, so
// the early return in token() must not get an edit.
package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
)

func token(n int) (string, error) {
	//leakfix:ignore premature-return timeout-leak
	raw := make(chan []byte)
	go func() {
		b := make([]byte, 16)
		_, _ = rand.Read(b)
		raw <- b
	}()
	if n <= 0 || n > 32 {
		return "", errors.New("token length out of range")
	}
	return hex.EncodeToString(<-raw)[:n], nil
}

func run() {
	_, _ = token(0)
}
