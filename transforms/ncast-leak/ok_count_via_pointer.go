// ok (leaks, not safely fixable): the loop bound changes through a pointer
// after the make, so `n` at the make is not the number of goroutines.
package main

func grow(n *int, i int) {
	if i == 0 {
		*n += 2
	}
}

func fastest(n int) int {
	c := make(chan int)
	for i := 0; i < n; i++ {
		grow(&n, i)
		go func() {
			c <- i
		}()
	}
	return <-c
}

func run() {
	_ = fastest(1)
}
