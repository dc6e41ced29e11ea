package main

type S struct{}

func (s *S /* ) */) work(out chan<- int) { out <- 1 }

func (s *S) f(ok bool) int {
	c := make(chan int)
	go s.work(c)
	if ok {
		return 0
	}
	return <-c
}
