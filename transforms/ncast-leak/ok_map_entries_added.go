// ok (leaks, not fixable here): an entry is added to the map after the make
// and before the launch loop ranges over it, so `len(m)` at the make would
// be one short: the leak is reported without a fix.
package main

func firstOf(m map[string]int) int {
	ch := make(chan int)
	m["extra"] = 0
	for _, v := range m {
		go func() {
			ch <- v
		}()
	}
	return <-ch
}

func run() {
	_ = firstOf(map[string]int{"a": 1, "b": 2})
}
