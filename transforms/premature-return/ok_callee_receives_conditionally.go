// ok (no edit): the helper receives only when asked to, so a call of it is
// not a receive on every path; whether the goroutine leaks depends on
// `wait`, which the analysis does not correlate. Refused, never guessed.
package main

func fetch(id int) string { return "item" }

func maybeCollect(results chan string, wait bool) string {
	if !wait {
		return ""
	}
	return <-results
}

func lookup(id int, wait bool) string {
	results := make(chan string)
	go func() {
		results <- fetch(id)
	}()
	if id < 0 {
		return ""
	}
	return maybeCollect(results, wait)
}

func run() {
	_ = lookup(1, true)
}
