// ok (reported, no fix): the loop ranging over the map field calls a
// method that may add entries to it (`r.note(name)`); entries added while
// ranging may or may not be produced, so `len(r.endpoints)` at the make
// may count too few goroutines. The leak is reported without a capacity.
package main

import "fmt"

type registry struct {
	endpoints map[string]string
	seen      int
}

func (r *registry) note(name string) {
	r.seen++
	if r.seen == 1 {
		r.endpoints[name+"-replica"] = "10.0.1.1"
	}
}

func (r *registry) healthy() error {
	results := make(chan error)
	for name, addr := range r.endpoints {
		r.note(name)
		go func() {
			if addr == "" {
				results <- fmt.Errorf("endpoint %s has no address", name)
				return
			}
			results <- nil
		}()
	}
	for range 2 {
		if err := <-results; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	r := &registry{endpoints: map[string]string{"a": "", "b": "10.0.0.2"}}
	_ = r.healthy()
}
