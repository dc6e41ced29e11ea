// The make carries `//leakfix:ignore premature-return`: it silences only that
// transform, not this one. A lister goroutine ranges over the channel; run
// sends and returns without closing it, so the lister leaks.
package main

import "sort"

func run() {
	//leakfix:ignore premature-return
	keys := make(chan string)
	go func() {
		var all []string
		for k := range keys {
			all = append(all, k)
		}
		sort.Strings(all)
	}()

	for k := range map[string]int{"x": 1, "y": 2} {
		keys <- k
	}
}
