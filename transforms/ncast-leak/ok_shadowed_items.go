// ok (leaks, not fixable): the ranged `items` is a new variable declared in
// an inner block after the make; at the make site `items` names the
// parameter, whose length is not the number of goroutines started.
package main

func normalize(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func firstNormalized(items []int, extra []int) int {
	vals := make(chan int)
	if len(extra) > 0 {
		items := append(append([]int(nil), items...), extra...)
		for _, it := range items {
			go func() {
				vals <- normalize(it)
			}()
		}
		return <-vals
	}
	return 0
}

func run() {
	_ = firstNormalized([]int{-1}, []int{-2, -3, 4})
}
