// Positive: goroutines are started in two nested loops, one per (region,
// zone) pair, and the parent returns after the first receive. Neither
// slice changes, so the number of senders is len(regions)*len(zones): that
// capacity lets every slower probe send and end.
package main

func latency(region, zone string) int {
	return len(region)*10 + len(zone)
}

func anyLatency(regions, zones []string) int {
	lat := make(chan int)
	for _, r := range regions {
		for _, z := range zones {
			go func() {
				lat <- latency(r, z)
			}()
		}
	}
	return <-lat
}

func run() {
	_ = anyLatency([]string{"eu", "us"}, []string{"a", "b"})
}
