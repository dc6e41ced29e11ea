// ok (leaks, not fixable): the only sender is a named function started as a
// goroutine (`go feed(jobs, items)`); a close inside it would change every
// other call of feed too, so leakfix does not edit it. Reported without a
// fix.
package main

func feed(jobs chan<- int, items []int) {
	for _, it := range items {
		jobs <- it
	}
}

func double(n int) int { return n * 2 }

func total(items []int) int {
	jobs := make(chan int)
	out := make(chan int)
	go func() {
		for j := range jobs {
			out <- double(j)
		}
	}()
	go feed(jobs, items)
	sum := 0
	for range items {
		sum += <-out
	}
	return sum
}

func run() {
	_ = total([]int{1, 2, 3})
}
