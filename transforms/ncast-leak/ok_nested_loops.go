// ok (leaks, not fixable): goroutines are started in a nested loop, one per
// (region, zone) pair; the count is a product of lengths, not one plain
// len(x) or n, so no single-identifier capacity is right.
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
