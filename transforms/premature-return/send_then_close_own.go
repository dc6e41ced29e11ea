// Positive: after its send the goroutine closes `finished`, a channel only
// it closes and nobody sends on, so a buffer lets it run nothing but that
// close: the fix is graded safe. The parent returns early on an error and
// the send blocks forever. Capacity 1.
package main

import "errors"

func load(key string) string { return "v:" + key }

func get(key string) (string, error) {
	result := make(chan string)
	finished := make(chan struct{})
	go func() {
		result <- load(key)
		close(finished)
	}()
	if key == "" {
		return "", errors.New("empty key")
	}
	v := <-result
	<-finished
	return v, nil
}

func run() {
	_, _ = get("")
}
