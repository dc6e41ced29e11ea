// OK: in a counting loop, one of the two goroutines of each iteration is
// started only on some iterations: `2*n` may be far over the goroutines, so
// the count is refused and nothing is edited.
package main

func firstOf(n int, skip func(int) bool) int {
	out := make(chan int)
	for i := 0; i < n; i++ {
		go func() {
			out <- i
		}()
		if skip(i) {
			continue
		}
		go func() {
			out <- -i
		}()
	}
	return <-out
}

func run() {
	_ = firstOf(3, func(i int) bool { return i == 1 })
}
