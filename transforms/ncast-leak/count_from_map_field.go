// Positive: one prober per endpoint of a map field (`range r.endpoints`),
// each sending its result once; the parent returns on the first failed
// probe and the other probers block forever. The loop is the statement
// right after the make and calls nothing but its go statement, so no
// entry can be added while it ranges: `len(r.endpoints)` counts the
// goroutines.
package main

import "fmt"

type probeResult struct {
	name string
	ok   bool
}

type registry struct {
	endpoints map[string]string
}

func (r *registry) probe(name, addr string, out chan<- probeResult) {
	out <- probeResult{name: name, ok: addr != ""}
}

func (r *registry) healthy() error {
	results := make(chan probeResult)
	for name, addr := range r.endpoints {
		go r.probe(name, addr, results)
	}
	for range len(r.endpoints) {
		res := <-results
		if !res.ok {
			return fmt.Errorf("endpoint %s is down", res.name)
		}
	}
	return nil
}

func run() {
	r := &registry{endpoints: map[string]string{"a": "", "b": "10.0.0.2", "c": "10.0.0.3"}}
	_ = r.healthy()
}
