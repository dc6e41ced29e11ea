// Positive: the method fetchAsync starts, in its one statement, the
// goroutine that sends on the channel it is handed; get returns early on a
// bad key before receiving, and the send blocks forever.
package main

import (
	"errors"
	"strings"
)

type client struct{ base string }

func (c *client) fetch(key string) string {
	return c.base + "/" + key
}

func (c *client) fetchAsync(key string, out chan<- string) {
	go func() {
		out <- c.fetch(key)
	}()
}

func (c *client) get(key string) (string, error) {
	out := make(chan string)
	c.fetchAsync(key, out)
	if strings.Contains(key, "..") {
		return "", errors.New("bad key")
	}
	return <-out, nil
}

func run() {
	c := &client{base: "http://x"}
	_, _ = c.get("../etc")
}
