// ok (reported, no fix): a parameter named `len` shadows the builtin, so
// `len(r.endpoints)` at the make would call it: no capacity is written.
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

func (r *registry) healthy(len func(map[string]string) int) error {
	_ = len
	results := make(chan probeResult)
	for name, addr := range r.endpoints {
		go r.probe(name, addr, results)
	}
	res := <-results
	if !res.ok {
		return fmt.Errorf("endpoint %s is down", res.name)
	}
	return nil
}

func run() {
	r := &registry{endpoints: map[string]string{"a": "", "b": "", "c": "", "d": "10.0.0.3"}}
	fmt.Println(r.healthy(func(map[string]string) int { return -1 }) != nil)
}
