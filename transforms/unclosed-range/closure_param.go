// The consumer is a function literal that receives the channel as a
// parameter: `go func(in <-chan int) { for ... range in }(samples)`.
// run sends the samples and returns; samples is never closed.
package main

func run() {
	samples := make(chan int)
	go func(in <-chan int) {
		maxSeen := 0
		for s := range in {
			maxSeen = max(maxSeen, s)
		}
		_ = maxSeen
	}(samples)

	for _, s := range []int{3, 7, 2} {
		samples <- s
	}
}
