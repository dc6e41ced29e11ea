// Positive: the sender is a function literal that receives the channel as
// its parameter: go func(out chan error){...}(errc) sends on errc. When the
// audit check fails, save returns without reading errc and the writer leaks.
package main

import (
	"errors"
	"strings"
)

type blobStore struct {
	prefix string
}

func (b blobStore) put(key string, data []byte) error {
	if !strings.HasPrefix(key, b.prefix) {
		return errors.New("key outside store prefix")
	}
	_ = len(data)
	return nil
}

func audit(key string) error {
	if strings.Contains(key, "..") {
		return errors.New("audit: path traversal in key")
	}
	return nil
}

func save(b blobStore, key string, data []byte) error {
	errc := make(chan error)
	go func(out chan error) {
		out <- b.put(key, data)
	}(errc)
	if err := audit(key); err != nil {
		return err
	}
	return <-errc
}

func run() {
	_ = save(blobStore{prefix: "users/"}, "users/../etc/passwd", []byte("x"))
}
