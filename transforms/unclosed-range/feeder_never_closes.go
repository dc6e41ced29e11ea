// Positive: a worker pool whose jobs come from one feeder goroutine, which
// never closes the jobs channel; the workers range over it and wait forever
// once the feeder is done. The feeder is the only sender, so a `defer
// close(jobs)` at the top of its body closes the channel after its last
// send: no send can meet the close, and nobody else closes it.
package main

import "time"

type job struct{ idx, size int }

type result struct{ idx, bytes int }

func resize(j job) result {
	time.Sleep(100 * time.Microsecond)
	return result{idx: j.idx, bytes: j.size / 10}
}

func thumbnails(sizes []int, workers int) []int {
	jobs := make(chan job)
	results := make(chan result)
	for w := 0; w < workers; w++ {
		go func() {
			for j := range jobs {
				results <- resize(j)
			}
		}()
	}
	go func() {
		for i, s := range sizes {
			jobs <- job{idx: i, size: s}
		}
	}()
	out := make([]int, len(sizes))
	for range sizes {
		r := <-results
		out[r.idx] = r.bytes
	}
	return out
}

func run() {
	_ = thumbnails([]int{640, 800, 1024}, 2)
}
