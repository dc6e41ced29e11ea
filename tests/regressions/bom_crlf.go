package p

func f(x bool) {
	c := make(chan int)
	go func() {
		for v := range c {
			_ = v
		}
	}()
	c <- 1
}
