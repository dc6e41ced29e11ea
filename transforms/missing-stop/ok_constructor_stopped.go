// ok: a constructed value that the function stops.
package main

type worker struct {
	in   chan int
	done chan struct{}
}

func newWorker() *worker {
	return &worker{in: make(chan int), done: make(chan struct{})}
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

func use() {
	w := newWorker()
	w.Start()
	defer w.Stop()
	w.in <- 1
}

func run() {
	use()
}
