// ok (no edit): the send is four calls away from the goroutine's body
// (stage1 -> stage2 -> stage3 -> emit). The analysis follows a channel
// through the body's callee and two more, no further: what it cannot see
// it refuses, and the parent's receive is then not known to be skipped
// by a goroutine that sends. Nothing is reported.
package main

import "errors"

func emit(out chan<- int, v int) { out <- v }

func stage3(out chan<- int, v int) { emit(out, v+3) }

func stage2(out chan<- int, v int) { stage3(out, v+2) }

func stage1(out chan<- int, v int) { stage2(out, v+1) }

func total(v int) (int, error) {
	res := make(chan int)
	go func() {
		stage1(res, v)
	}()
	if v < 0 {
		return 0, errors.New("negative")
	}
	return <-res, nil
}

func run() {
	_, _ = total(-1)
}
