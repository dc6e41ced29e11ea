// ok (no leak): the two sends are in exclusive branches (if/else), so the
// goroutine sends exactly once and the parent's one receive takes it.
package main

import "errors"

func load(key string) (string, error) {
	if key == "" {
		return "", errors.New("empty key")
	}
	return "v:" + key, nil
}

func fetch(key string) error {
	ch := make(chan error)
	go func() {
		_, err := load(key)
		if err != nil {
			ch <- err
		} else {
			ch <- nil
		}
	}()
	return <-ch
}

func run() {
	_ = fetch("")
}
