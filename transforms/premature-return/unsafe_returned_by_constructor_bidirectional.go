// Unsafe positive: loadAsync returns its channel as a plain `chan`, so a
// caller elsewhere may send on it or close it, and a buffer could change
// what that code sees. load returns early before receiving and the loader
// goroutine blocks forever; the buffer is offered only with --unsafe-fixes.
package main

import "errors"

func loadAsync(key string) chan []byte {
	data := make(chan []byte)
	go func() {
		data <- []byte(key)
	}()
	return data
}

func load(key string, cached map[string][]byte) ([]byte, error) {
	c := loadAsync(key)
	if v, ok := cached[key]; ok {
		return v, nil
	}
	if key == "" {
		return nil, errors.New("empty key")
	}
	return <-c, nil
}

func run() {
	_, _ = load("k", map[string][]byte{"k": nil})
}
