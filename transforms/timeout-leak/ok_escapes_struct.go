// ok (leaks, but not edited): the result channel is stored in the `out` field
// of a job struct, and the sender works through that field. Once the channel
// escapes into a struct, leakfix must not edit its make.
package main

import "time"

type job struct {
	id  int
	out chan int
}

func (j *job) exec() {
	time.Sleep(2 * time.Millisecond)
	j.out <- j.id * 10
}

func runJob(id int, d time.Duration) (int, bool) {
	ch := make(chan int)
	j := &job{id: id, out: ch}
	go j.exec()
	select {
	case v := <-ch:
		return v, true
	case <-time.After(d):
		return 0, false
	}
}

func run() {
	_, _ = runJob(3, time.Millisecond)
}
