// ok: the closure variable runs twice, once started with `go put()` and once
// called from another goroutine, so two goroutines send and the parent
// receives both. Its body is not one goroutine's body: no edit.
package main

func both(key string) string {
	res := make(chan string)
	put := func() {
		res <- key
	}
	go put()
	go func() {
		put()
	}()
	return <-res + <-res
}

func run() {
	_ = both("k")
}
