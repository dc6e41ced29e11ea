// Positive: Stop is the function's last statement, and the early return
// skips it: the goroutine Start began runs on. Fix (unsafe): `defer
// w.Stop()` after the start, and the old call removed.
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
	use(true)
}
