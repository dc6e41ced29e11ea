// Positive: Add calls note, another method of the type, which touches
// neither the done field nor Stop; the function never stops the batcher.
// Fix (unsafe): `defer b.Stop()`.
package main

type batcher struct {
	in    chan int
	done  chan struct{}
	seen  int
	total int
}

func (b *batcher) Start() {
	go func() {
		for {
			select {
			case v := <-b.in:
				b.total += v
			case <-b.done:
				return
			}
		}
	}()
}

func (b *batcher) Stop() {
	close(b.done)
}

func (b *batcher) note() {
	b.seen++
}

func (b *batcher) Add(v int) {
	b.note()
	b.in <- v
}

func sum(vals []int) {
	b := &batcher{in: make(chan int), done: make(chan struct{})}
	b.Start()
	for _, v := range vals {
		b.Add(v)
	}
}

func run() {
	sum([]int{1, 2, 3})
}
