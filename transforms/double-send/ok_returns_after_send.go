// ok (no leak): the error branch returns after its send, so the goroutine
// sends once on every path.
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
			return
		}
		ch <- nil
	}()
	return <-ch
}

func run() {
	_ = fetch("")
}
