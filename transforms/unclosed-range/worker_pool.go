// A pool of workers ranges over one jobs channel; the parent feeds every job
// from its own body and returns. Nobody closes jobs, so all workers stay
// parked in their range loops once the list is exhausted.
package main

import (
	"crypto/sha256"
	"strconv"
)

type job struct {
	id      int
	payload []byte
}

func hashAll(items [][]byte, workers int) {
	jobs := make(chan job)
	for i := 0; i < workers; i++ {
		go func() {
			for j := range jobs {
				_ = sha256.Sum256(append([]byte(strconv.Itoa(j.id)), j.payload...))
			}
		}()
	}

	for i, it := range items {
		jobs <- job{id: i, payload: it}
	}
}

func run() {
	hashAll([][]byte{[]byte("a"), []byte("bb"), []byte("ccc"), []byte("dddd")}, 3)
}
