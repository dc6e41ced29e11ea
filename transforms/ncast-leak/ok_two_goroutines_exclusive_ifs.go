// ok: the two goroutines are started under opposite conditions in two
// separate ifs, so exactly one runs per call and the one receive takes its
// value. (Found by an adversarial probe: the blocks differ, so the senders
// are not counted together.)
package main

func work(x bool) int {
	c := make(chan int)
	if x {
		go func() { c <- 1 }()
	}
	if !x {
		go func() { c <- 2 }()
	}
	return <-c
}

func run() {
	_ = work(true)
	_ = work(false)
}
