// ok: the two goroutines are started in exclusive branches, so one runs per
// call, and the parent's one receive takes its answer.
package main

func fetch(key string, fromCache bool) string {
	answer := make(chan string)
	if fromCache {
		go func() {
			answer <- "cached:" + key
		}()
	} else {
		go func() {
			answer <- "origin:" + key
		}()
	}
	return <-answer
}

func run() {
	_ = fetch("k", true)
	_ = fetch("k", false)
}
