// Positive: the goroutine runs a function that hands the channel to a
// second one, which does the only send (two calls away from the go
// statement). The parent returns on a size-limit error before it receives.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
)

type blob struct {
	name string
	body []byte
}

var errTooLarge = errors.New("blob too large")

func publish(out chan<- string, sum [32]byte) {
	out <- hex.EncodeToString(sum[:])
}

func digest(b blob, out chan<- string) {
	publish(out, sha256.Sum256(b.body))
}

func storeBlob(b blob, limit int) (string, error) {
	sums := make(chan string)
	go digest(b, sums)
	if len(b.body) > limit {
		return "", errTooLarge
	}
	return b.name + "@" + <-sums, nil
}

func run() {
	_, _ = storeBlob(blob{name: "x", body: []byte("0123456789")}, 4)
}
