// ok (not reported): the goroutine ends when it receives from w.done, and
// the function sends on w.done itself: it stops the worker, on every path
// that reaches the send (a deferred Stop would then close a channel the
// function may still send on).
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

func (w *worker) Stop() { close(w.done) }

func use(vals []int) {
	w := &worker{in: make(chan int), done: make(chan struct{})}
	w.Start()
	for _, v := range vals {
		w.in <- v
	}
	w.done <- struct{}{}
}

func run() {
	use([]int{1, 2})
}
