// ok: the started literal calls the sending closure with an argument it
// first receives (`ask(<-names)`): the literal does more than run the
// closure, so its goroutine is not the closure's body alone. Every answer
// is received anyway.
package main

func query(replica string) string { return "answer from " + replica }

func all(replicas []string) []string {
	answers := make(chan string)
	names := make(chan string, len(replicas))
	for _, r := range replicas {
		names <- r
	}
	ask := func(r string) {
		answers <- query(r)
	}
	for range replicas {
		go func() {
			ask(<-names)
		}()
	}
	out := make([]string, 0, len(replicas))
	for range replicas {
		out = append(out, <-answers)
	}
	return out
}

func run() {
	_ = all([]string{"r1", "r2"})
}
