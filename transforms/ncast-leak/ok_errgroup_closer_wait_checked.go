// ok: the closer checks the group's error before closing (`if err :=
// g.Wait(); err != nil { ... }`), so it does more than wait and close; the
// parent ranges over every hit. Nothing leaks, and leakfix makes no finding.
package main

import (
	"log"

	"golang.org/x/sync/errgroup"
)

func collect(items []int) []int {
	var g errgroup.Group
	out := make(chan int)
	for _, it := range items {
		g.Go(func() error {
			out <- it * it
			return nil
		})
	}
	go func() {
		if err := g.Wait(); err != nil {
			log.Print(err)
		}
		close(out)
	}()
	var all []int
	for v := range out {
		all = append(all, v)
	}
	return all
}

func run() {
	_ = collect([]int{1, 2, 3})
}
