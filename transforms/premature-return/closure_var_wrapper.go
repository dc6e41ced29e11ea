// Positive: the load closure is handed to safeGo, a wrapper of the
// package that starts it in a recovering goroutine. A missing tenant
// returns before the result is received: the goroutine blocks forever.
// Capacity 1.
package main

import (
	"errors"
	"log"
)

func safeGo(f func()) {
	go func() {
		defer func() {
			if r := recover(); r != nil {
				log.Printf("recovered: %v", r)
			}
		}()
		f()
	}()
}

func fetchQuota(tenant string) int { return len(tenant) * 100 }

func quota(tenant string, known map[string]bool) (int, error) {
	results := make(chan int)
	load := func() {
		results <- fetchQuota(tenant)
	}
	safeGo(load)
	if !known[tenant] {
		return 0, errors.New("unknown tenant " + tenant)
	}
	return <-results, nil
}

func run() {
	_, _ = quota("acme", map[string]bool{})
}
