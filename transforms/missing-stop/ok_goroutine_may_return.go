// ok: the goroutine also returns on a value of its own: Stop is not its
// only way out.
package main

type worker struct {
	in   chan int
	done chan struct{}
}

func (w *worker) Start() {
	go func() {
		for {
			select {
			case v := <-w.in:
				if v < 0 {
					return
				}
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
	w.in <- -1
}

func run() {
	use()
}
