package
main

func f(ok bool) int {
	c := make(chan int)
	go work(c)
	if ok {
		return 0
	}
	return <-c
}
