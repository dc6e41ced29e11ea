// ok (no leak): two goroutines answer on a channel with room for one; the
// parent takes the first answer, and the second fits in the buffer.
package main

func fromCache(key string) string { return "cache:" + key }

func fromPrimary(key string) string { return "primary:" + key }

func fastest(key string) string {
	answers := make(chan string, 1)
	go func() {
		answers <- fromCache(key)
	}()
	go func() {
		answers <- fromPrimary(key)
	}()
	return <-answers
}

func run() {
	_ = fastest("k")
}
