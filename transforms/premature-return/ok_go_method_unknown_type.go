// ok (leaks, not fixable here): `pool.Go(f)` on a type that is not
// sync.WaitGroup or errgroup.Group: what Go does with f is not known, so
// the literal is not a goroutine body leakfix may count.
package main

import "errors"

type pool struct{ fs []func() }

func (p *pool) Go(f func()) { p.fs = append(p.fs, f); go f() }

func fetch(p *pool, key string) (string, error) {
	res := make(chan string)
	p.Go(func() {
		res <- key
	})
	if key == "" {
		return "", errors.New("empty")
	}
	return <-res, nil
}

func run() {
	_, _ = fetch(&pool{}, "")
}
