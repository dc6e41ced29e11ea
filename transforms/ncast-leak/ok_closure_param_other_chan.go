// ok (no leak): the goroutines' parameter is named `done` like the local
// unbuffered channel, but they are passed `acks`, which is buffered with
// len(nodes). The local `done` has a single sender that is received.
package main

func notify(node string) bool { return node != "" }

func broadcast(nodes []string) bool {
	done := make(chan bool)
	acks := make(chan bool, len(nodes))
	for _, n := range nodes {
		go func(done chan<- bool) {
			done <- notify(n)
		}(acks)
	}
	go func() {
		done <- <-acks
	}()
	return <-done
}

func run() {
	_ = broadcast([]string{"n1", "n2", "n3"})
}
