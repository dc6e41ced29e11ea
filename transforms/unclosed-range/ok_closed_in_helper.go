// The channel is closed by a named helper in this file (`defer shutdown(q)`),
// whose body is analysed like a function literal. Already closed: adding
// `defer close(q)` would double-close and panic. No leak.
package main

func shutdown(q chan<- int) {
	close(q)
}

func run() {
	q := make(chan int)
	defer shutdown(q)
	go func() {
		for v := range q {
			_ = v
		}
	}()
	q <- 10
	q <- 20
}
