// ok (leaks, not fixable): the loop steps by two, so n is not the number of
// goroutines started (it is about n/2); only `i := 0; i < n; i++` is
// accepted as a plain count.
package main

func pairSum(xs []int, i int) int {
	if i+1 < len(xs) {
		return xs[i] + xs[i+1]
	}
	return xs[i]
}

func anyPairSum(xs []int, n int) int {
	sums := make(chan int)
	for i := 0; i < n; i += 2 {
		go func() {
			sums <- pairSum(xs, i)
		}()
	}
	return <-sums
}

func run() {
	xs := []int{1, 2, 3, 4, 5, 6}
	_ = anyPairSum(xs, len(xs))
}
