// ok: Drain calls finish, which calls Stop: a deferred Stop would close done twice.
package main

type queue struct {
	items chan int
	done  chan struct{}
	total int
}

func newQueue() *queue {
	return &queue{items: make(chan int), done: make(chan struct{})}
}

func (q *queue) Start() {
	go func() {
		for {
			select {
			case v := <-q.items:
				q.total += v
			case <-q.done:
				return
			}
		}
	}()
}

func (q *queue) Push(v int) { q.items <- v }

func (q *queue) Stop() { close(q.done) }

func (q *queue) finish() { q.Stop() }

func (q *queue) Drain() { q.finish() }

func sum(vals []int) {
	q := newQueue()
	q.Start()
	for _, v := range vals {
		q.Push(v)
	}
	q.Drain()
}

func run() {
	sum([]int{1, 2, 3})
}
