// ok (no finding): the method the goroutine's callee hands the channel to
// is called through an interface (`e.emit(out, r)`); its body is not
// known, so the channel's sends cannot be counted and nothing is claimed.
package main

import "errors"

type emitter interface {
	emit(out chan<- int, v int)
}

type twice struct{}

func (twice) emit(out chan<- int, v int) {
	out <- v
	out <- v
}

type stage struct {
	e emitter
}

func (s *stage) process(v int, out chan<- int) {
	s.e.emit(out, v*2)
}

func (s *stage) handle(v int) (int, error) {
	out := make(chan int)
	go func() {
		s.process(v, out)
	}()
	if v < 0 {
		return 0, errors.New("negative")
	}
	return <-out, nil
}

func run() {
	s := &stage{e: twice{}}
	_, _ = s.handle(1)
}
