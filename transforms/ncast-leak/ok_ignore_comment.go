// ok (leaks, suppressed): a first-wins fan-out that would be a positive,
// but the line above the make carries `//leakfix:ignore ncast-leak`, so
// leakfix must leave it alone.
package main

import "strconv"

func parseAny(fields []string) int {
	//leakfix:ignore ncast-leak
	nums := make(chan int)
	for _, f := range fields {
		go func() {
			n, _ := strconv.Atoi(f)
			nums <- n
		}()
	}
	return <-nums
}

func run() {
	_ = parseAny([]string{"1", "2", "3"})
}
