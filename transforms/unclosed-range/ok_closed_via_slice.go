// The channel is stored in a slice of owned channels that are all closed on
// the way out. It escapes the simple analysis, and it is already closed, so
// no edit. No leak.
package main

func run() {
	var owned []chan string
	defer func() {
		for _, c := range owned {
			close(c)
		}
	}()

	names := make(chan string)
	owned = append(owned, names)
	go func() {
		for n := range names {
			_ = n
		}
	}()

	names <- "ann"
	names <- "bob"
}
