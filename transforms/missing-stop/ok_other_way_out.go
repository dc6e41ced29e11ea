// ok: the goroutine also ends on its context: Stop is not its only way out.
package main

import "context"

type worker struct {
	in   chan int
	done chan struct{}
}

func (w *worker) Start(ctx context.Context) {
	go func() {
		for {
			select {
			case <-w.in:
			case <-ctx.Done():
				return
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
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := &worker{in: make(chan int), done: make(chan struct{})}
	w.Start(ctx)
}

func run() {
	use()
}
