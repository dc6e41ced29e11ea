// Positive: comments among the arguments of make and of the go call hide
// neither the channel nor which parameter of work it is bound to.
package main

func work(n int, out chan<- int) {
	out <- n
}

func first(ok bool) int {
	c := make( /* results */ chan int /* unbuffered */)
	go work( /* n */ 1 /* out */, c)
	if !ok {
		return 0
	}
	return <-c
}

func run() {
	_ = first(false)
}
