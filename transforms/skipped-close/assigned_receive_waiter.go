// Positive: the goroutine assigns its receive (`v = <-stop`); an early
// return skips the close. Fix: `defer close(stop)` after the make, and the
// old close removed.
package main

func compute(n int) int { return n * n }

func square(n int) int {
	stop := make(chan int)
	go func() {
		var v int
		v = <-stop
		_ = v
	}()
	if n > 100 {
		return -1
	}
	r := compute(n)
	close(stop)
	return r
}

func run() {
	_ = square(101)
}
