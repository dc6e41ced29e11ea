// ok (not this transform): no method of the type closes the field the
// goroutine waits on; there is nothing to call.
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

func use() {
	w := &worker{in: make(chan int), done: make(chan struct{})}
	w.Start()
	close(w.done)
}

func run() {
	use()
}
