// ok (leaks, not fixable): two feeder goroutines send on the jobs channel;
// a close at the end of either could meet the other's send and panic, and
// nothing joins them. Reported without a fix.
package main

func handle(n int) int { return n * 2 }

func process(a, b []int) int {
	jobs := make(chan int)
	done := make(chan int)
	go func() {
		for j := range jobs {
			done <- handle(j)
		}
	}()
	go func() {
		for _, x := range a {
			jobs <- x
		}
	}()
	go func() {
		for _, x := range b {
			jobs <- x
		}
	}()
	total := 0
	for range len(a) + len(b) {
		total += <-done
	}
	return total
}

func run() {
	_ = process([]int{1, 2}, []int{3})
}
