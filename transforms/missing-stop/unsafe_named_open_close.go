// Positive: methods named Open and Shutdown; Shutdown closes the done
// field. Fix (unsafe): `defer c.Shutdown()`.
package main

type cache struct {
	sets chan string
	done chan struct{}
	data map[string]bool
}

func (c *cache) Open() {
	go func() {
		for {
			select {
			case k := <-c.sets:
				c.data[k] = true
			case <-c.done:
				return
			}
		}
	}()
}

func (c *cache) Shutdown() {
	close(c.done)
}

func warm(keys []string) {
	c := &cache{sets: make(chan string), done: make(chan struct{}), data: map[string]bool{}}
	c.Open()
	for _, k := range keys {
		c.sets <- k
	}
}

func run() {
	warm([]string{"a", "b"})
}
