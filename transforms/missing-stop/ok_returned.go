// ok: the started value is returned; the caller owns stopping it.
package main

type worker struct {
	in   chan int
	done chan struct{}
}

func (w *worker) Start() {
	go func() {
		for {
			select {
			case <-w.in:
			case <-w.done:
				return
			}
		}
	}()
}

func (w *worker) Stop() {
	close(w.done)
}

func newStarted() *worker {
	w := &worker{in: make(chan int), done: make(chan struct{})}
	w.Start()
	return w
}

func run() {
	w := newStarted()
	w.Stop()
}
