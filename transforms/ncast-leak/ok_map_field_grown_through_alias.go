// ok (reported, no fix): the loop writes into the ranged map through an
// alias (`m := r.endpoints`, then `m[j] = ""`); entries added while
// ranging may be produced, so `len(r.endpoints)` may under-count. Any index
// assignment in the loop refuses a map count.
package main

import "fmt"

type probeResult struct {
	name string
	ok   bool
}

type registry struct {
	endpoints map[int]string
}

func (r *registry) probe(name int, addr string, out chan<- probeResult) {
	out <- probeResult{name: fmt.Sprint(name), ok: addr != ""}
}

func (r *registry) healthy() (int, error) {
	m := r.endpoints
	started := 0
	results := make(chan probeResult)
	for name, addr := range r.endpoints {
		go r.probe(name, addr, results)
		started++
		if started == 1 {
			for j := 100; j < 164; j++ {
				m[j] = ""
			}
		}
	}
	for range 2 {
		res := <-results
		if !res.ok {
			return started, fmt.Errorf("endpoint %s is down", res.name)
		}
	}
	return started, nil
}

func run() {
	r := &registry{endpoints: map[int]string{1: "", 2: "", 3: "10.0.0.3"}}
	n, err := r.healthy()
	fmt.Println(n > 3, err != nil)
}
