// Positive: the caller makes a reply channel, stores it in the job it hands
// to the worker, and waits for the answer with a deadline. The worker
// answers every job exactly once (an error, or the result). When the
// deadline wins, the worker blocks forever on the reply, and no job after
// it is served. Capacity 1 lets its one send per job finish.
package main

import (
	"errors"
	"time"
)

type result struct {
	v   int
	err error
}

type job struct {
	n     int
	reply chan result
}

type worker struct {
	jobs chan *job
	quit chan struct{}
}

var errNegative = errors.New("negative input")

func (w *worker) serve() {
	for {
		select {
		case j := <-w.jobs:
			if j.n < 0 {
				j.reply <- result{err: errNegative}
				continue
			}
			time.Sleep(5 * time.Millisecond)
			j.reply <- result{v: j.n * 2}
		case <-w.quit:
			return
		}
	}
}

func (w *worker) double(n int, timeout time.Duration) (int, error) {
	reply := make(chan result)
	w.jobs <- &job{n: n, reply: reply}
	select {
	case r := <-reply:
		return r.v, r.err
	case <-time.After(timeout):
		return 0, errors.New("worker timed out")
	}
}

func run() {
	w := &worker{jobs: make(chan *job), quit: make(chan struct{})}
	go w.serve()
	_, _ = w.double(21, time.Millisecond)
	time.Sleep(20 * time.Millisecond)
	close(w.quit)
}
