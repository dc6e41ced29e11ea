// ok (no leak): a counted loop starts three senders on a channel with room
// for three; the parent may return before receiving, but every send fits.
package main

func probe(i int) bool { return i%2 == 0 }

func anyAlive(skip bool) bool {
	alive := make(chan bool, 3)
	for i := 0; i < 3; i++ {
		go func() {
			alive <- probe(i)
		}()
	}
	if skip {
		return false
	}
	return <-alive
}

func run() {
	_ = anyAlive(true)
}
