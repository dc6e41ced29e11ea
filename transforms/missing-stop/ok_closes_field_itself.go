// ok: the function closes the field itself instead of calling Stop; a
// deferred Stop would close it a second time and panic.
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
	w.in <- 1
	close(w.done)
}

func run() {
	use()
}
