// ok (no edit): the channel is made inside a loop; a deferred close would
// wait for the whole function instead of the iteration.
package main

func each(items []int) int {
	n := 0
	for _, it := range items {
		done := make(chan struct{})
		go func() {
			<-done
		}()
		if it < 0 {
			return n
		}
		n++
		close(done)
	}
	return n
}

func run() {
	_ = each([]int{1, 2})
}
