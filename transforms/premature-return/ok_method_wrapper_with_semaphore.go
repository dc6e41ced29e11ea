// ok (no edit): the method `p.submit` takes a slot of the pool's semaphore
// before it starts its func parameter, so it is not a plain wrapper: a
// call of it can block the caller, and what runs when depends on other
// goroutines. Refused, as for a function wrapper.
package main

import "errors"

type pool struct {
	slots chan struct{}
}

func (p *pool) submit(f func()) {
	p.slots <- struct{}{}
	go func() {
		defer func() { <-p.slots }()
		f()
	}()
}

func load(key string) string { return "v:" + key }

func (p *pool) get(key string) (string, error) {
	result := make(chan string)
	p.submit(func() {
		result <- load(key)
	})
	if key == "" {
		return "", errors.New("empty key")
	}
	return <-result, nil
}

func run() {
	p := &pool{slots: make(chan struct{}, 4)}
	_, _ = p.get("k")
}
