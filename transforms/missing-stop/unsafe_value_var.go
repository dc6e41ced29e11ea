// Positive: `var` with a composite literal, value receivers, a method that
// does not stop it called in between. Fix (unsafe): `defer h.Stop()`.
package main

type heartbeat struct {
	beats chan struct{}
	stop  chan struct{}
}

func (h heartbeat) Start() {
	go func() {
		for {
			select {
			case h.beats <- struct{}{}:
			case <-h.stop:
				return
			}
		}
	}()
}

func (h heartbeat) Stop() {
	close(h.stop)
}

func (h heartbeat) Wait() {
	<-h.beats
}

func beat() {
	var h = heartbeat{beats: make(chan struct{}), stop: make(chan struct{})}
	h.Start()
	h.Wait()
}

func run() {
	beat()
}
