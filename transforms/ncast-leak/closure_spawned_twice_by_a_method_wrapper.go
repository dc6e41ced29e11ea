// Positive: one closure variable handed twice to a method of the file that
// starts its func parameter as a goroutine; each run sends once and the
// parent receives once. Fix: `make(chan error, 2)`.
package main

import "errors"

type pool struct{ name string }

func (p *pool) spawn(f func()) {
	go f()
}

func fetch(name string) error {
	if name == "b" {
		return errors.New("fetch " + name)
	}
	return nil
}

func firstError(p *pool) error {
	errc := make(chan error)
	get := func() {
		errc <- fetch(p.name)
	}
	p.spawn(get)
	p.spawn(get)
	return <-errc
}

func run() {
	_ = firstError(&pool{name: "b"})
}
