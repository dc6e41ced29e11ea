// ok (no edit): the helper hands the channel on to itself. Recursion is
// refused, never guessed: the call is not known to receive.
package main

func fetch(id int) string { return "item" }

func collect(results chan string, tries int) string {
	if tries > 0 {
		return collect(results, tries-1)
	}
	return <-results
}

func lookup(id int) string {
	results := make(chan string)
	go func() {
		results <- fetch(id)
	}()
	if id < 0 {
		return ""
	}
	return collect(results, 2)
}

func run() {
	_ = lookup(1)
}
