// ok (reported, no fix): the loop ranging over the map field hands each
// name to another goroutine and waits for its answer; that goroutine adds
// entries, which the range may produce: `len(r.endpoints)` may under-count.
package main

import "fmt"

type registry struct {
	endpoints map[string]string
	adds      chan string
	acks      chan struct{}
}

func (r *registry) adder() {
	for name := range r.adds {
		if len(r.endpoints) < 20 {
			r.endpoints[name+"+"] = "10.0.9.9"
		}
		r.acks <- struct{}{}
	}
}

func (r *registry) healthy() error {
	results := make(chan error)
	for name, addr := range r.endpoints {
		r.adds <- name
		<-r.acks
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
	r := &registry{endpoints: map[string]string{"a": "", "b": "10.0.0.2"}, adds: make(chan string), acks: make(chan struct{})}
	go r.adder()
	fmt.Println(r.healthy() != nil)
	close(r.adds)
}
