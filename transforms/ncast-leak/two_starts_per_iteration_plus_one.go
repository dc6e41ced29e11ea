// Positive: two goroutines per shard and one more for the index, each
// sending one error; the parent returns on the first error. Fix:
// `make(chan error, 2*len(shards)+1)`.
package main

import "errors"

func sync(shards []string) error {
	errc := make(chan error)
	for _, s := range shards {
		go func() {
			errc <- upload(s)
		}()
		go func() {
			errc <- verify(s)
		}()
	}
	go func() {
		errc <- upload("index")
	}()
	for range 2*len(shards) + 1 {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func upload(s string) error {
	if s == "b" {
		return errors.New("upload " + s)
	}
	return nil
}

func verify(string) error { return nil }

func run() {
	_ = sync([]string{"a", "b", "c"})
}
