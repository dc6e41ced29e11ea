// Positive: two goroutines each send one result; the parent receives in a
// counting loop but gives up at the first failure, so the other goroutine
// blocks forever on the unbuffered channel. Capacity 2, one per sender.
package main

import (
	"fmt"
	"time"
)

type result struct {
	name string
	err  error
}

func check(name string) result {
	if name == "db" {
		return result{name, fmt.Errorf("%s unreachable", name)}
	}
	time.Sleep(time.Millisecond)
	return result{name: name}
}

func healthy() error {
	results := make(chan result)
	go func() {
		results <- check("db")
	}()
	go func() {
		results <- check("cache")
	}()
	for i := 0; i < 2; i++ {
		r := <-results
		if r.err != nil {
			return fmt.Errorf("health: %w", r.err)
		}
	}
	return nil
}

func run() {
	_ = healthy()
}
