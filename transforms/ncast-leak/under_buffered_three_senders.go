// Positive: three goroutines, started one after the other, answer on a
// channel with room for one; the parent takes the first answer and
// returns, so one of the slower two blocks forever. Capacity 3.
package main

func fromCache(key string) string { return "cache:" + key }

func fromReplica(key string) string { return "replica:" + key }

func fromPrimary(key string) string { return "primary:" + key }

func fastest(key string) string {
	answers := make(chan string, 1)
	go func() {
		answers <- fromCache(key)
	}()
	go func() {
		answers <- fromReplica(key)
	}()
	go func() {
		answers <- fromPrimary(key)
	}()
	return <-answers
}

func run() {
	_ = fastest("k")
}
