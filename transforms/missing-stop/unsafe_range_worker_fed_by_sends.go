// Positive: a queue whose worker ranges over q.jobs until Shutdown closes
// it; the function sends on q.jobs itself (a send cannot close the
// channel) and never shuts the queue down. Fix (unsafe): `defer
// q.Shutdown()` after the start.
package main

import (
	"errors"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
)

type fakeTB struct{ testing.TB }

func (fakeTB) Fatalf(string, ...any) { runtime.Goexit() }
func (fakeTB) Errorf(string, ...any) {}
func (fakeTB) FailNow()              { runtime.Goexit() }
func (fakeTB) Helper()               {}

type Queue struct {
	jobs      chan int
	processed int
}

func (q *Queue) Open() {
	go func() {
		for j := range q.jobs {
			q.processed += j
		}
	}()
}

func (q *Queue) Shutdown() {
	close(q.jobs)
}

func migrate() error { return errors.New("migration failed") }

func testQueue(t testing.TB) {
	q := Queue{jobs: make(chan int)}
	q.Open()
	require.NoError(t, migrate())
	q.jobs <- 3
}

func run() {
	done := make(chan struct{})
	go func() {
		defer close(done)
		testQueue(fakeTB{})
	}()
	<-done
}
