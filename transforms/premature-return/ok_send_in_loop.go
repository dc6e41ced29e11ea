// ok (leaks, not fixable by capacity 1): the worker streams one progress
// value per chunk in a loop. After copyChunks returns early a buffer of one
// still leaves the loop blocked, so leakfix must not edit.
package main

import "errors"

func copyChunks(chunks [][]byte, maxChunk int) (int, error) {
	progress := make(chan int)
	go func() {
		total := 0
		for _, c := range chunks {
			total += len(c)
			progress <- total
		}
	}()
	for _, c := range chunks {
		if len(c) > maxChunk {
			return 0, errors.New("chunk too large")
		}
		<-progress
	}
	return len(chunks), nil
}

func run() {
	_, _ = copyChunks([][]byte{[]byte("abcdef"), []byte("gh"), []byte("ijk")}, 4)
}
