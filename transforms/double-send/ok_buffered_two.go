// ok (no leak): the channel has room for both sends, so the goroutine
// never blocks even though the parent receives once.
package main

import "errors"

func fetch(key string) error {
	ch := make(chan error, 2)
	go func() {
		if key == "" {
			ch <- errors.New("empty key")
		}
		ch <- nil
	}()
	return <-ch
}

func run() {
	_ = fetch("")
}
