// OK: in a counting loop a `goto` may jump over the second start of an
// iteration: `2*n` may be over the goroutines started, so the count is
// refused and nothing is edited.
package main

func firstOf(n int) int {
	c := make(chan int)
	for i := 0; i < n; i++ {
		go func() {
			c <- i
		}()
		if i == 2 {
			goto next
		}
		go func() {
			c <- -i
		}()
	next:
	}
	return <-c
}

func run() {
	_ = firstOf(4)
}
