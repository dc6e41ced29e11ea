// Positive: a receive-only channel variable that is never given a
// channel; the goroutine's receive blocks forever. Report only.
package main

func consume() {
	var in <-chan int
	go func() {
		v := <-in
		_ = v
	}()
}

func run() {
	consume()
}
