// Positive: Client.Get starts the method c.lookup (declared in this file) with
// an unbuffered `chan *Entry`; lookup sends once. When the client is stopping,
// Get returns via the c.stop case and lookup blocks on `out <- e`.
package main

import (
	"errors"
	"time"
)

type Entry struct {
	Key   string
	Value []byte
}

type Client struct {
	stop  chan struct{}
	delay time.Duration
}

var errStopped = errors.New("client stopped")

func (c *Client) lookup(key string, out chan<- *Entry) {
	time.Sleep(c.delay)
	e := &Entry{Key: key, Value: []byte("v:" + key)}
	out <- e
}

func (c *Client) Get(key string) (*Entry, error) {
	out := make(chan *Entry)
	go c.lookup(key, out)
	select {
	case e := <-out:
		return e, nil
	case <-c.stop:
		return nil, errStopped
	}
}

func run() {
	c := &Client{stop: make(chan struct{}), delay: 2 * time.Millisecond}
	close(c.stop)
	if _, err := c.Get("user:1"); err != nil {
		_ = err.Error()
	}
}
