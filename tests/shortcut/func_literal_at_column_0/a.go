package main

func g() { c := make(chan int); go func() { c <- 1 }(); <-c }
var _ = 1 +
func() int { return 2 }()

func f(ok bool) int {
	c := make(chan int)
	go func() { c <- 1 }()
	if ok {
		return 0
	}
	return <-c
}
