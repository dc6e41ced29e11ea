// run loads files and streams them to an uploader goroutine that ranges over
// the channel. On a load error run returns early; on success it returns after
// the loop. Either way the uploader is left waiting on an unclosed channel.
package main

import (
	"errors"
	"fmt"
)

func load(path string) ([]byte, error) {
	if path == "" {
		return nil, errors.New("empty path")
	}
	return []byte("data:" + path), nil
}

func upload(paths []string) error {
	blobs := make(chan []byte)
	go func() {
		for b := range blobs {
			_ = fmt.Sprintf("%x", b)
		}
	}()

	for _, p := range paths {
		data, err := load(p)
		if err != nil {
			return fmt.Errorf("upload %q: %w", p, err)
		}
		blobs <- data
	}
	return nil
}

func run() {
	_ = upload([]string{"a.txt", "b.txt"})
	_ = upload([]string{"c.txt", "", "d.txt"})
}
