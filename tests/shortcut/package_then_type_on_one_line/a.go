package main; type T struct {
}

func f(ok bool) int {
	c := make(chan int)
	go func() { c <- 1 }()
	if ok {
		return 0
	}
	return <-c
}
