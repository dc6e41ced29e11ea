// Positive: `nodes, err := load()` takes its type from the first of two
// declared results (a named result list); one goroutine per node reports,
// and the parent returns on the first failure. Capacity len(nodes).
package main

import "errors"

type node struct{ healthy bool }

func load() (nodes []node, err error) {
	return []node{{false}, {false}, {true}}, nil
}

func probe(n node) error {
	if !n.healthy {
		return errors.New("unhealthy")
	}
	return nil
}

func healthy() error {
	nodes, err := load()
	if err != nil {
		return err
	}
	errc := make(chan error)
	for _, n := range nodes {
		go func() {
			errc <- probe(n)
		}()
	}
	for range nodes {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	_ = healthy()
}
