// The goroutine ranges over its parameter `batch`, which is bound to `feed`
// (closed below), not to the outer `batch` of the same name. The outer batch
// carries one result and is received. No leak; nothing to close.
package main

func run() {
	batch := make(chan []int)
	go func() {
		batch <- []int{4, 5, 6}
	}()
	got := <-batch

	feed := make(chan int)
	done := make(chan struct{})
	go func(batch chan int) {
		defer close(done)
		for v := range batch {
			_ = v
		}
	}(feed)

	for _, v := range got {
		feed <- v
	}
	close(feed)
	<-done
}
