// ok: the function stops what it starts.
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

func use() {
	w := &worker{in: make(chan int), done: make(chan struct{})}
	w.Start()
	defer w.Stop()
	w.in <- 1
}

func run() {
	use()
}
