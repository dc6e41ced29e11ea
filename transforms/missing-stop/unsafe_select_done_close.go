// Positive: the runtime's MethodContractViolation. Start's goroutine ends
// only when Stop closes done; the function never calls Stop. Fix (unsafe):
// `defer w.Stop()` after the start.
package main

type worker struct {
	ch   chan int
	done chan struct{}
}

func (w worker) Start() {
	go func() {
		for {
			select {
			case <-w.ch:
			case <-w.done:
				return
			}
		}
	}()
}

func (w worker) Stop() {
	close(w.done)
}

func (w worker) Add(v int) {
	w.ch <- v
}

func process(items []int) {
	w := worker{ch: make(chan int), done: make(chan struct{})}
	w.Start()
	for _, v := range items {
		w.Add(v)
	}
}

func run() {
	process([]int{1, 2, 3})
}
