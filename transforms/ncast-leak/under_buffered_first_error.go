// Positive: one goroutine per shard reports its error on a channel with
// room for one; the parent returns on the first error. With more than two
// shards, the senders after the buffered one block forever. The capacity
// becomes the number of senders, len(shards).
package main

import "errors"

func check(shard string) error {
	if shard == "bad" {
		return errors.New("bad shard")
	}
	return nil
}

func checkAll(shards []string) error {
	errc := make(chan error, 1)
	for _, s := range shards {
		go func() {
			errc <- check(s)
		}()
	}
	for range shards {
		if err := <-errc; err != nil {
			return err
		}
	}
	return nil
}

func run() {
	_ = checkAll([]string{"bad", "bad", "bad", "bad"})
}
