// ok: the "constructor" hands out a shared value that others may stop.
package main

type worker struct {
	in   chan int
	done chan struct{}
}

var shared = &worker{in: make(chan int), done: make(chan struct{})}

func get() *worker {
	return shared
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
	w := get()
	w.Start()
}

func run() {
	use()
	shared.Stop()
	shared = &worker{in: make(chan int), done: make(chan struct{})}
}
