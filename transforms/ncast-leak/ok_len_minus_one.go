// ok (leaks, not fixable by this transform): the loop bound is len(xs)-1,
// not a plain identifier. It is not a safe capacity either: for an empty
// xs it is -1 and make would panic where the original code ran fine.
package main

func gap(a, b int) int {
	if b > a {
		return b - a
	}
	return a - b
}

func firstGap(xs []int, min int) (int, bool) {
	gaps := make(chan int)
	for i := 0; i < len(xs)-1; i++ {
		go func() {
			gaps <- gap(xs[i], xs[i+1])
		}()
	}
	for i := 0; i < len(xs)-1; i++ {
		if g := <-gaps; g >= min {
			return g, true
		}
	}
	return 0, false
}

func run() {
	_, _ = firstGap([]int{1, 9, 2, 8, 3}, 1)
}
