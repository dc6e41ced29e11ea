// Positive: one goroutine per replica in a launch loop, plus one more for
// the cache, all answering on one channel; the parent takes the first
// answer and returns. Capacity len(replicas) + 1, one per sender.
package main

func fromReplica(r, key string) string { return r + ":" + key }

func fromCache(key string) string { return "cache:" + key }

func fastest(replicas []string, key string) string {
	answers := make(chan string)
	for _, r := range replicas {
		go func() {
			answers <- fromReplica(r, key)
		}()
	}
	go func() {
		answers <- fromCache(key)
	}()
	return <-answers
}

func run() {
	_ = fastest([]string{"a", "b"}, "k")
}
