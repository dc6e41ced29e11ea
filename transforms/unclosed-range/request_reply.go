// A server goroutine ranges over a channel of reply channels
// (`chan chan int`) and answers each request. The per-request reply channels
// are all received, but requests itself is never closed, so the server leaks.
package main

func run() {
	requests := make(chan chan int)
	go func() {
		next := 0
		for reply := range requests {
			next++
			reply <- next
		}
	}()

	for range 3 {
		reply := make(chan int)
		requests <- reply
		<-reply
	}
}
