// ok (no leak from this shape): the goroutine sends a progress value on
// some paths and always a final one, and the parent reads until the final
// value in a loop; nothing is left blocked.
package main

func work(n int) int { return n * 2 }

func run() {
	ch := make(chan int)
	go func() {
		if work(1) > 0 {
			ch <- 0
		}
		ch <- work(2)
	}()
	for v := range 2 {
		_ = v
		<-ch
	}
}
