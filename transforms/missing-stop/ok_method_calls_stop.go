// ok: another method of the type, called here, calls Stop.
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

func (w *worker) Finish() {
	w.Stop()
}

func use() {
	w := &worker{in: make(chan int), done: make(chan struct{})}
	w.Start()
	w.Finish()
}

func run() {
	use()
}
