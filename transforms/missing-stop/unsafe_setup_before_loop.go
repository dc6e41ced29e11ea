// Positive: the goroutine does some setup before its loop; Stop still is
// its only way out. Fix (unsafe): `defer b.Stop()`.
package main

type batcher struct {
	items chan int
	done  chan struct{}
	batch []int
}

func (b *batcher) Start() {
	go func() {
		b.batch = make([]int, 0, 8)
		for {
			select {
			case v := <-b.items:
				b.batch = append(b.batch, v)
			case <-b.done:
				return
			}
		}
	}()
}

func (b *batcher) Stop() {
	close(b.done)
}

func collect(n int) {
	b := &batcher{items: make(chan int), done: make(chan struct{})}
	b.Start()
	for i := 0; i < n; i++ {
		b.items <- i
	}
}

func run() {
	collect(3)
}
