// ok (leaks, not fixable here): the results channel is returned to the
// caller, who decides how many values to read; the leak is the caller's
// doing and changing the capacity at the make is not this function's call.
package main

import "strconv"

func lookupAsync(ids []int) <-chan string {
	names := make(chan string)
	for _, id := range ids {
		go func() {
			names <- "user-" + strconv.Itoa(id)
		}()
	}
	return names
}

func run() {
	names := lookupAsync([]int{1, 2, 3})
	_ = <-names
}
