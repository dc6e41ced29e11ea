// Positive: the pool's `spawn` adds each goroutine to the pool's
// WaitGroup and marks it done after the call (`f(); p.wg.Done()`). The
// search starts one goroutine per shard through it and returns the first
// hit: every other shard's goroutine blocks forever on its send, and so
// would the pool's `Wait`. With room for every shard, they all finish.
package main

import (
	"strings"
	"sync"
	"time"
)

type pool struct {
	wg sync.WaitGroup
}

func (p *pool) spawn(f func()) {
	p.wg.Add(1)
	go func() {
		f()
		p.wg.Done()
	}()
}

func scan(shard, term string) string {
	time.Sleep(5 * time.Millisecond)
	if strings.Contains(shard, term) {
		return shard
	}
	return ""
}

func (p *pool) first(shards []string, term string) string {
	hits := make(chan string)
	for _, s := range shards {
		p.spawn(func() {
			hits <- scan(s, term)
		})
	}
	return <-hits
}

func run() {
	p := &pool{}
	_ = p.first([]string{"alpha", "beta", "gamma"}, "a")
	time.Sleep(50 * time.Millisecond)
}
