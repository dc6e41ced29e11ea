// Positive: the inner loop ranges over a uint8 count, the outer over a
// slice. A product of `len(regions)` (an int) and `n` (a uint8) would not
// compile, and computed in uint8 it could wrap: the fix converts the bound,
// `len(regions)*int(n)`.
package main

func probe(r string, k uint8) int { return len(r) + int(k) }

func anyProbe(regions []string, n uint8) int {
	c := make(chan int)
	for _, r := range regions {
		for k := range n {
			go func() {
				c <- probe(r, k)
			}()
		}
	}
	return <-c
}

func run() {
	_ = anyProbe([]string{"eu", "us"}, 3)
}
