// Positive: the seed document's ncast example, made compilable. One
// goroutine per item sends its result on the channel it is handed; the
// parent reads one and returns, and the rest block forever. Fix: the
// seed's own, `make(chan any, len(items))`.
package main

func compute(i int) any { return i * i }

func Example(items []int) any {
	c := make(chan any)
	for _, i := range items {
		go func(c chan any) {
			c <- compute(i)
		}(c)
	}
	data := <-c
	return data
}

func run() {
	_ = Example([]int{1, 2, 3})
}
