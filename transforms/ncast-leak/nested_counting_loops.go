// Positive: a grid of workers, `for i := 0; i < rows; i++` around
// `for j := 0; j < cols; j++`, each sending its cell once; the parent takes
// the first result. The capacity is the product of the two bounds, clamped
// at zero because they are signed ints.
package main

func cell(i, j int) int { return i*100 + j }

func anyCell(rows, cols int) int {
	c := make(chan int)
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			go func() {
				c <- cell(i, j)
			}()
		}
	}
	return <-c
}

func run() {
	_ = anyCell(2, 3)
}
