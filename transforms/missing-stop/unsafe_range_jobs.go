// Positive: the goroutine ranges over the jobs field until Close closes
// it; the function never closes it. Fix (unsafe): `defer q.Close()`.
package main

type queue struct {
	jobs chan func()
}

func (q *queue) Run() {
	go func() {
		for job := range q.jobs {
			job()
		}
	}()
}

func (q *queue) Close() {
	close(q.jobs)
}

func (q *queue) Submit(f func()) {
	q.jobs <- f
}

func work() {
	q := &queue{jobs: make(chan func())}
	q.Run()
	q.Submit(func() {})
}

func run() {
	work()
}
