// The channel is passed to an interface method (sink.attach), whose body
// leakfix cannot see: the implementation may keep it and send later. The
// range goroutine leaks, but closing on return is not provably safe. No edit.
package main

type sink interface {
	attach(ch chan<- int)
}

type counterSink struct{}

func (counterSink) attach(ch chan<- int) {
	go func() {
		ch <- 42
	}()
}

func consume(s sink) {
	vals := make(chan int)
	go func() {
		for v := range vals {
			_ = v
		}
	}()
	s.attach(vals)
	vals <- 1
}

func run() {
	consume(counterSink{})
}
