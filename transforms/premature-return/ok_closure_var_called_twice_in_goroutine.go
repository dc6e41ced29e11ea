// Not a leak: the goroutine calls the sending closure twice and the
// parent receives twice. The closure's body alone sends once; what runs
// in the goroutine is both calls, so it is not one send per goroutine.
package main

func chunk(i int) []byte { return make([]byte, i) }

func readTwo() int {
	parts := make(chan []byte)
	i := 0
	next := func() {
		i++
		parts <- chunk(i)
	}
	go func() {
		next()
		next()
	}()
	a, b := <-parts, <-parts
	return len(a) + len(b)
}

func run() {
	_ = readTwo()
}
