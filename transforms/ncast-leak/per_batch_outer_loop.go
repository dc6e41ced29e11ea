// Positive: the channel is made inside an outer loop, once per batch, and
// the inner loop starts one upload per file of the batch; only the first
// receipt of each batch is read, so the other uploads of every batch leak.
package main

import (
	"crypto/sha256"
	"encoding/hex"
)

type file struct {
	name string
	body []byte
}

func upload(f file) string {
	sum := sha256.Sum256(f.body)
	return f.name + "@" + hex.EncodeToString(sum[:4])
}

func uploadBatches(batches [][]file) []string {
	var receipts []string
	for _, batch := range batches {
		if len(batch) == 0 {
			continue
		}
		receipt := make(chan string)
		for _, f := range batch {
			go func() {
				receipt <- upload(f)
			}()
		}
		receipts = append(receipts, <-receipt)
	}
	return receipts
}

func run() {
	_ = uploadBatches([][]file{
		{{"a.txt", []byte("a")}, {"b.txt", []byte("b")}},
		{{"c.txt", []byte("c")}, {"d.txt", []byte("d")}, {"e.txt", []byte("e")}},
	})
}
