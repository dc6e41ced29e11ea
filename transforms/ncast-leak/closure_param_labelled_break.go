// Positive: jobs are started with a function literal that takes the channel
// and the job as parameters; the collector breaks out of a labelled loop on
// the first failed job, so the remaining goroutines block on `out <- ...`.
package main

import "errors"

type job struct {
	id   int
	size int
}

type result struct {
	id  int
	err error
}

func process(j job) result {
	if j.size < 0 {
		return result{id: j.id, err: errors.New("negative size")}
	}
	return result{id: j.id}
}

func runJobs(jobs []job) []int {
	results := make(chan result)
	for _, j := range jobs {
		go func(out chan<- result, j job) {
			out <- process(j)
		}(results, j)
	}
	var done []int
collect:
	for range jobs {
		r := <-results
		switch {
		case r.err != nil:
			break collect
		default:
			done = append(done, r.id)
		}
	}
	return done
}

func run() {
	_ = runJobs([]job{{1, -1}, {2, -1}, {3, -1}, {4, 10}})
}
