// ok (leaks, but not edited): startProbe also keeps the channel it returns in
// the prober, where other code may send on it or close it; a buffer there
// could change what that code sees. The caller's early return leaks the
// probe goroutine, but the constructor is not the simple shape.
package main

import "errors"

type prober struct {
	last chan int
}

func (p *prober) startProbe(port int) <-chan int {
	res := make(chan int)
	p.last = res
	go func() {
		res <- port * 2
	}()
	return res
}

func (p *prober) probe(port int) (int, error) {
	r := p.startProbe(port)
	if port <= 0 {
		return 0, errors.New("bad port")
	}
	return <-r, nil
}

func run() {
	p := &prober{}
	_, _ = p.probe(0)
}
