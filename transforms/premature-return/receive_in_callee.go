// Positive: the parent hands the channel to a helper that receives from it
// (`collect(results)`), but returns early on a bad id before calling it;
// the goroutine's send then blocks forever. Capacity 1.
package main

import "errors"

func fetch(id int) string { return "item" }

func collect(results chan string) string {
	r := <-results
	return r
}

func lookup(id int) (string, error) {
	results := make(chan string)
	go func() {
		results <- fetch(id)
	}()
	if id < 0 {
		return "", errors.New("bad id")
	}
	return collect(results), nil
}

func run() {
	_, _ = lookup(-1)
}
