// Positive, unsafe fix: `Start` runs the janitor with an argument (`go
// c.janitor(time.Millisecond)`); the janitor's only way out is a receive
// from the `stop` field, which only `Stop` closes, and `warmCache` never
// calls it. (From the 2026-12-04 blind probe: a call with arguments used
// to hide the goroutine's body.)
package main

import "time"

type Cache struct{ stop chan struct{} }

func (c *Cache) Start() { go c.janitor(time.Millisecond) }
func (c *Cache) Stop()  { close(c.stop) }
func (c *Cache) janitor(every time.Duration) {
	for {
		select {
		case <-time.After(every): // evict expired entries
		case <-c.stop:
			return
		}
	}
}
func warmCache() {
	c := &Cache{stop: make(chan struct{})}
	c.Start()
}
func run() { warmCache(); time.Sleep(20 * time.Millisecond) }
