// ok: the early return follows log.Fatalf, which ends the process: it is
// never reached, and on every path that goes on the parent receives.
package main

import (
	"errors"
	"log"
	"strings"
)

func read(path string) string { return strings.ToUpper(path) }

func load(path string) (string, error) {
	c := make(chan string)
	go func() { c <- read(path) }()
	if path == "" {
		log.Fatalf("load: no path")
		return "", errors.New("unreachable")
	}
	return <-c, nil
}

func run() {
	_, _ = load("config.toml")
}
