// Positive: a closure variable started once per mirror, `go get(m)` in a
// loop. Each goroutine sends once; the parent takes the first answer and
// returns, leaving the others blocked on the unbuffered channel.
package main

func fastest(mirrors []string) string {
	answers := make(chan string)
	get := func(m string) {
		answers <- "from " + m
	}
	for _, m := range mirrors {
		go get(m)
	}
	return <-answers
}

func run() {
	_ = fastest([]string{"a", "b", "c"})
}
