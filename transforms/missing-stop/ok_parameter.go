// ok: the value comes from the caller, who may stop it.
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

func startAll(w *worker) {
	w.Start()
}

func run() {
	w := &worker{in: make(chan int), done: make(chan struct{})}
	startAll(w)
	w.Stop()
}
