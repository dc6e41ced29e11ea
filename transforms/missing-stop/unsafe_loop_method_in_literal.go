// Positive: Start's goroutine only calls the receiver's run method (with
// a different receiver name there), which waits until Shutdown closes
// `done`. The function never shuts it down. Fix (unsafe):
// `defer p.Shutdown()`.
package main

type poller struct {
	done chan struct{}
}

func (q *poller) poll() {
	for {
		select {
		case <-q.done:
			return
		}
	}
}

func (p *poller) Start() {
	go func() {
		p.poll()
	}()
}

func (p *poller) Shutdown() {
	close(p.done)
}

func watch() {
	p := &poller{done: make(chan struct{})}
	p.Start()
}

func run() {
	watch()
}
