// Positive: the goroutine is started through a wrapper of the package
// that recovers panics (`safeGo`); the parent returns on a timeout-free
// early exit before receiving, so the wrapped sender blocks forever.
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
				log.Println("recovered:", r)
			}
		}()
		f()
	}()
}

func load(key string) string { return "v:" + key }

func get(key string) (string, error) {
	result := make(chan string)
	safeGo(func() {
		result <- load(key)
	})
	if key == "" {
		return "", errors.New("empty key")
	}
	return <-result, nil
}

func run() {
	_, _ = get("")
}
