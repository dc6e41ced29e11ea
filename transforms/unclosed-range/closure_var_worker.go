// Positive: the workers run a closure variable, `work := func() {...}`
// started in a loop with `go work()`. The parent sends every job itself and
// returns without closing the channel, so every worker ranges forever.
package main

func process(jobs []int) {
	queue := make(chan int)
	work := func() {
		for j := range queue {
			_ = j * 2
		}
	}
	for i := 0; i < 3; i++ {
		go work()
	}
	for _, j := range jobs {
		queue <- j
	}
}

func run() {
	process([]int{1, 2, 3, 4})
}
