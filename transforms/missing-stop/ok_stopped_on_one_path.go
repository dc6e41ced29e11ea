// ok (not reported): Stop is called on one path only; leakfix reports a
// function only when it never calls the stopping method.
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

func use(fail bool) {
	w := &worker{in: make(chan int), done: make(chan struct{})}
	w.Start()
	if fail {
		return
	}
	w.Stop()
}

func run() {
	use(false)
}
