// ok (leaks, not fixable): the inner loop ranges over each row, so the number
// of goroutines is the sum of the rows' lengths: no expression written at
// the make counts it. Reported without a fix.
package main

func first(rows [][]int) int {
	c := make(chan int)
	for _, row := range rows {
		for _, x := range row {
			go func() {
				c <- x * 2
			}()
		}
	}
	return <-c
}

func run() {
	_ = first([][]int{{1, 2}, {3}})
}
