// ok: two goroutines each send once and the parent receives twice: every
// send is received.
package main

func sum(a, b []int) int {
	parts := make(chan int)
	add := func(xs []int) int {
		t := 0
		for _, x := range xs {
			t += x
		}
		return t
	}
	go func() {
		parts <- add(a)
	}()
	go func() {
		parts <- add(b)
	}()
	return <-parts + <-parts
}

func run() {
	_ = sum([]int{1, 2}, []int{3})
}
