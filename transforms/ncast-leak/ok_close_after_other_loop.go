// Not fixed: the receive loop ranges over another slice than the launch
// loop, so reaching the close does not show every send received; leakfix
// leaves it.
package main

func square(n int) int { return n * n }

func squares(ns, want []int) []int {
	out := make(chan int)
	for _, n := range ns {
		go func(n int) {
			out <- square(n)
		}(n)
	}
	var got []int
	for range want {
		v := <-out
		if v < 0 {
			return nil
		}
		got = append(got, v)
	}
	close(out)
	return got
}

func run() {
	_ = squares([]int{1, 2}, []int{1, 2})
}
