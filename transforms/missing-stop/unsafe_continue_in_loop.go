// Positive: a `continue` and a `break` of the select stay in the loop;
// only the done case leaves it. Fix (unsafe): `defer a.Stop()`.
package main

type adder struct {
	in   chan int
	done chan struct{}
	sum  int
}

func (a *adder) Start() {
	go func() {
		for {
			select {
			case v := <-a.in:
				if v < 0 {
					continue
				}
				if v == 0 {
					break
				}
				a.sum += v
			case <-a.done:
				return
			}
		}
	}()
}

func (a *adder) Stop() {
	close(a.done)
}

func total(xs []int) {
	a := &adder{in: make(chan int), done: make(chan struct{})}
	a.Start()
	for _, x := range xs {
		a.in <- x
	}
}

func run() {
	total([]int{1, -1, 0, 2})
}
